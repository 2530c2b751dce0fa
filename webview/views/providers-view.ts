/** Which providers are ready (never a key, only whether one is present), and the no-keys state. */
import { h } from '../dom-builder';
import { createButton } from '../toolkit-components';
import type { ProviderReadiness } from '../../src/shared/provider-status';
import type { RenderContext } from './render-context';

export function isUsable(provider: ProviderReadiness): boolean {
  return provider.keyPresent || !provider.needsKey;
}

export function renderProviders(
  providers: ProviderReadiness[],
  context: RenderContext,
): HTMLElement {
  const { t, post } = context;
  const usable = providers.filter(isUsable);
  const items = providers.map((provider) => {
    const ready = isUsable(provider);
    const state = provider.needsKey
      ? provider.keyPresent
        ? t('providerReady')
        : t('providerNoKey')
      : t('providerNoKeyNeeded');
    const setKey = createButton({
      label: t('setApiKey'),
      ariaLabel: t('setApiKeyFor', provider.displayName),
      appearance: ready ? 'secondary' : 'primary',
      onClick: () => post({ type: 'set-api-key', provider: provider.provider }),
    });
    setKey.dataset.focusKey = `set-key:${provider.provider}`;
    setKey.dataset.testid = 'set-api-key-button';
    return h(
      'li',
      {
        className: `provider ${ready ? 'ready' : 'missing'}`,
        attrs: { 'data-provider': provider.provider },
      },
      [
        h('span', {
          className: 'provider-dot',
          attrs: { 'aria-hidden': 'true' },
          text: ready ? '●' : '○',
        }),
        h('span', { className: 'provider-name', text: provider.displayName }),
        h('span', { className: 'provider-state', text: state }),
        provider.needsKey ? setKey : null,
        notesOf(provider, context),
      ],
    );
  });
  const settings = createButton({
    label: t('openSettings'),
    appearance: 'secondary',
    onClick: () => post({ type: 'open-settings' }),
  });
  settings.dataset.focusKey = 'open-settings';
  return h(
    'section',
    {
      className: 'providers',
      testId: 'provider-status',
      attrs: { 'aria-label': t('providersHeading') },
    },
    [
      h('h2', { text: t('providersHeading') }),
      usable.length < 2
        ? h('div', { className: 'no-keys callout', testId: 'no-keys', attrs: { role: 'status' } }, [
            h('strong', { text: t('noKeysTitle') }),
            h('p', { text: t('noKeysBody') }),
          ])
        : null,
      h('ul', { className: 'provider-list' }, items),
      h('div', { className: 'toolbar' }, [settings]),
    ],
  );
}

const NOTE_KEYS = {
  deprecated: 'modelDeprecated',
  retired: 'modelRetired',
  unknown: 'modelUnknown',
  unpriced: 'modelUnpriced',
} as const;

/** Lifecycle / price notes of this provider's configured models, with the setting to change. */
function notesOf(provider: ProviderReadiness, { t }: RenderContext): HTMLElement | null {
  const notes = provider.notes ?? [];
  if (notes.length === 0) return null;
  return h(
    'ul',
    { className: 'provider-notes', testId: 'provider-notes' },
    notes.map((note) => {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(note.shutdownDate ?? '')?.[0];
      const when = date ? t('modelShutdownOn', date) : '';
      return h('li', {
        className: `provider-note ${note.kind}`,
        attrs: { 'data-kind': note.kind },
        text: `\u26a0 ${t(NOTE_KEYS[note.kind], note.model, when, note.setting)}`,
      });
    }),
  );
}
