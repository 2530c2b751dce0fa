/** Which providers are ready (never a key, only whether one is present), and the no-keys state. */
import { html, nothing, type TemplateResult } from 'lit';
import { button } from '../toolkit-components';
import type { ProviderReadiness } from '../../src/shared/provider-status';
import type { RenderContext } from './render-context';

export function isUsable(provider: ProviderReadiness): boolean {
  return provider.keyPresent || !provider.needsKey;
}

export function renderProviders(
  providers: ProviderReadiness[],
  context: RenderContext,
): TemplateResult {
  const { t, post } = context;
  const item = (provider: ProviderReadiness): TemplateResult => {
    const ready = isUsable(provider);
    const state = provider.needsKey
      ? provider.keyPresent
        ? t('providerReady')
        : t('providerNoKey')
      : t('providerNoKeyNeeded');
    return html`<li
      class="provider ${ready ? 'ready' : 'missing'}"
      data-provider=${provider.provider}
    >
      <span class="provider-dot" aria-hidden="true">${ready ? '●' : '○'}</span>
      <span class="provider-name">${provider.displayName}</span>
      <span class="provider-state">${state}</span>
      ${
        provider.needsKey
          ? button({
              label: t('setApiKey'),
              ariaLabel: t('setApiKeyFor', provider.displayName),
              appearance: ready ? 'secondary' : 'primary',
              testId: 'set-api-key-button',
              onClick: () => post({ type: 'set-api-key', provider: provider.provider }),
            })
          : nothing
      }
      ${notesOf(provider, context)}
    </li>`;
  };
  return html`<section
    class="providers"
    data-testid="provider-status"
    aria-label=${t('providersHeading')}
  >
    <h2>${t('providersHeading')}</h2>
    ${readinessCallout(providers, context)}
    <ul class="provider-list">
      ${providers.map(item)}
    </ul>
    <div class="toolbar">
      ${button({
        label: t('openSettings'),
        appearance: 'secondary',
        onClick: () => post({ type: 'open-settings' }),
      })}
    </div>
  </section>`;
}

/**
 * "No API keys yet" only when a run could not start: configured participants that need no key
 * (simulated ones in dev mode, the editor's models) are ready, and the panel says so.
 */
export function keylessReady(providers: readonly ProviderReadiness[]): boolean {
  const configured = providers.filter((provider) => provider.models.length > 0);
  const participants = configured.reduce((sum, provider) => sum + provider.models.length, 0);
  return participants >= 2 && configured.every((provider) => !provider.needsKey);
}

function readinessCallout(
  providers: readonly ProviderReadiness[],
  { t }: RenderContext,
): TemplateResult | typeof nothing {
  if (keylessReady(providers)) {
    const names = providers.filter((p) => p.models.length > 0).map((p) => p.displayName);
    return html`<div class="keyless-ready callout" data-testid="keyless-ready" role="status">
      <strong>${t('keylessReadyTitle')}</strong>
      <p>${t('keylessReadyBody', names.join(', '))}</p>
    </div>`;
  }
  if (providers.filter(isUsable).length >= 2) return nothing;
  return html`<div class="no-keys callout" data-testid="no-keys" role="status">
    <strong>${t('noKeysTitle')}</strong>
    <p>${t('noKeysBody')}</p>
  </div>`;
}

const NOTE_KEYS = {
  deprecated: 'modelDeprecated',
  retired: 'modelRetired',
  unknown: 'modelUnknown',
  unpriced: 'modelUnpriced',
} as const;

/** Lifecycle / price notes of this provider's configured models, with the setting to change. */
function notesOf(
  provider: ProviderReadiness,
  { t }: RenderContext,
): TemplateResult | typeof nothing {
  const notes = provider.notes ?? [];
  if (notes.length === 0) return nothing;
  return html`<ul class="provider-notes" data-testid="provider-notes">
    ${notes.map((note) => {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(note.shutdownDate ?? '')?.[0];
      const when = date ? t('modelShutdownOn', date) : '';
      return html`<li class="provider-note ${note.kind}" data-kind=${note.kind}>
        ⚠ ${t(NOTE_KEYS[note.kind], note.model, when, note.setting)}
      </li>`;
    })}
  </ul>`;
}
