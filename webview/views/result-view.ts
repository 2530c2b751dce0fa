/**
 * The final product with its status, ratification votes, minority report and abstentions.
 * Only a result the council agreed on can be applied (unanimous, majority; provisional and
 * deadlock with a visible warning). A cancelled, failed or over-budget run offers its draft
 * to open, labelled unreviewed, and claims no agreement ("No dissent" would mislead there).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { button } from '../toolkit-components';
import {
  finalStatusOf,
  isAgreedStatus as isAgreed,
  participantName,
  type Ratification,
  type RunViewState,
} from '../../src/shared/run-view-state';
import { renderProduct } from './round-view';
import { markdownBlock } from './markdown-block';
import type { RenderContext } from './render-context';
import { isSimulatedRun } from './participant-names';

const AGREED_WITH_WARNING = new Set(['provisional', 'deadlock']);

/** The warning says why the product is provisional: the stop reason when it tells more. */
function warningKey(status: string, stopReason: string) {
  if (stopReason === 'no-usable-reviews' || stopReason === 'stopped')
    return `warning_${stopReason}` as const;
  return `warning_${status as 'provisional' | 'deadlock'}` as const;
}

function ratificationList(
  state: RunViewState,
  items: Ratification[],
  context: RenderContext,
  testId?: string,
): TemplateResult {
  const { t } = context;
  return html`<ul class="ratifications" data-testid=${testId ?? nothing}>
    ${items.map(
      (item) =>
        html`<li class="vote-${item.vote}">
          <strong>${participantName(state, item.participantId)}: </strong>
          <span class="vote">${t(`vote_${item.vote}`)}</span>
          ${
            item.reasons.length
              ? html`<ul>
                  ${item.reasons.map((reason) => html`<li>${markdownBlock(reason, context)}</li>`)}
                </ul>`
              : nothing
          }
        </li>`,
    )}
  </ul>`;
}

function agreedActions(state: RunViewState, context: RenderContext): TemplateResult {
  const { t, post, applyState } = context;
  const runId = state.runId;
  const pending = applyState === 'pending';
  const isCode = state.outputKind === 'code';
  return html`<div class="toolbar result-actions">
    ${button({
      label: t('apply'),
      ariaLabel: t('applyAria'),
      testId: 'apply-button',
      disabled: !(pending && isCode),
      onClick: () => post({ type: 'apply-result', runId }),
    })}
    ${button({
      label: t('copy'),
      ariaLabel: t('copyAria'),
      appearance: 'secondary',
      testId: 'copy-button',
      onClick: () => post({ type: 'copy-result', runId }),
    })}
    ${button({
      label: t('discard'),
      ariaLabel: t('discardAria'),
      appearance: 'secondary',
      testId: 'discard-button',
      disabled: !pending,
      onClick: () => post({ type: 'discard-result', runId }),
    })}
    ${button({
      label: t('showDiff'),
      ariaLabel: t('showDiffAria'),
      appearance: 'secondary',
      testId: 'show-diff-button',
      disabled: !isCode,
      onClick: () => post({ type: 'show-diff', runId }),
    })}
  </div>`;
}

function draftActions(state: RunViewState, context: RenderContext): TemplateResult {
  const { t, post } = context;
  return html`<p class="callout warning unreviewed" data-testid="unreviewed-draft" role="status">
      ${t('unreviewedDraft')}
    </p>
    <div class="toolbar result-actions">
      ${button({
        label: t('openDraft'),
        ariaLabel: t('openDraftAria'),
        appearance: 'secondary',
        testId: 'open-draft-button',
        onClick: () => post({ type: 'open-draft', runId: state.runId }),
      })}
    </div>`;
}

export function renderAbstentions(
  state: RunViewState,
  context: RenderContext,
): TemplateResult | typeof nothing {
  const { t } = context;
  if (!state.abstentions.length) return nothing;
  return html`<section
    class="abstentions"
    data-testid="abstentions"
    aria-label=${t('abstentionsHeading')}
  >
    <h3>${t('abstentionsHeading')}</h3>
    <ul>
      ${state.abstentions.map(
        (a) =>
          html`<li data-participant-id=${a.participantId}>
            ${t('abstainedIn', participantName(state, a.participantId), t(`phase_${a.phase}`), a.round, a.error.message)}
          </li>`,
      )}
    </ul>
  </section>`;
}

/** Quick-vote runs: each voter's answer as it arrives (vote-cast events). */
export function renderVotes(
  state: RunViewState,
  context: RenderContext,
): TemplateResult | typeof nothing {
  if (state.protocol !== 'vote' || !state.votes.length) return nothing;
  const { t } = context;
  return html`<section class="votes" data-testid="votes" aria-label=${t('votesHeading')}>
    <h3>${t('votesHeading')}</h3>
    <ul>
      ${state.votes.map(
        (vote) =>
          html`<li data-participant-id=${vote.participantId}>
            <strong>${participantName(state, vote.participantId)}: </strong
            >${markdownBlock(vote.answer, context, 'markdown inline')}
          </li>`,
      )}
    </ul>
  </section>`;
}

function productSection(state: RunViewState, status: string, context: RenderContext) {
  const { t, applyState } = context;
  const result = state.consensusResult;
  if (result?.product === undefined) return nothing;
  const agreed = isAgreed(status);
  return html`${
    AGREED_WITH_WARNING.has(status)
      ? html`<p class="callout warning" data-testid="agreement-warning" role="status">
          ${t(warningKey(status, result.stopReason))}
        </p>`
      : nothing
  }
  ${renderProduct(result.product, result.outputKind, context, 'final-product')}
  ${
    result.rationale
      ? html`<h4>${t('rationale')}</h4>
          ${markdownBlock(result.rationale, context)}`
      : nothing
  }
  ${agreed ? agreedActions(state, context) : draftActions(state, context)}
  ${
    agreed && (applyState === 'applied' || applyState === 'discarded' || applyState === 'stale')
      ? html`<p class="apply-state ${applyState}" role="status">
          ${t(`applyState_${applyState}`)}
        </p>`
      : nothing
  }`;
}

export function renderResult(
  state: RunViewState,
  context: RenderContext,
): TemplateResult | typeof nothing {
  const { t } = context;
  const status = finalStatusOf(state);
  if (!status) return nothing;
  const result = state.consensusResult;
  const vote = state.voteResult;
  return html`<section class="result" aria-label=${t('resultHeading')}>
    <h2>${t('resultHeading')}</h2>
    <p class="final-status-line">
      ${t('finalStatusLabel')}:
      <span class="final-status status-${status}" data-testid="final-status">${status}</span>
      ${
        isSimulatedRun(state)
          ? html`<span class="tag simulated" data-testid="simulated-tag">
              ${t('simulatedTag')}</span
            >`
          : result?.singleVendor
            ? html`<span class="tag"> ${t('singleVendor')}</span>`
            : nothing
      }
    </p>
    ${
      state.finalSkipped
        ? html`<p class="final-skipped" data-testid="final-skipped">
            ${t('finalSkipped', state.finalSkipped.round)}
          </p>`
        : nothing
    }
    ${productSection(state, status, context)}
    ${
      vote
        ? html`<p class="vote-outcome">
            ${
              vote.reached && vote.winningAnswer !== undefined
                ? t('voteWinner', vote.winningAnswer, Math.round(vote.confidence * 100))
                : t('voteNotReached')
            }
          </p>`
        : nothing
    }
    ${
      state.ratifications.length
        ? html`<h3>${t('ratificationsHeading')}</h3>
            ${ratificationList(state, state.ratifications, context, 'ratifications')}`
        : nothing
    }
    ${
      result && isAgreed(status)
        ? html`<section
            class="minority-report"
            data-testid="minority-report"
            aria-label=${t('minorityHeading')}
          >
            <h3>${t('minorityHeading')}</h3>
            ${
              result.minorityReport.length
                ? ratificationList(state, result.minorityReport, context)
                : html`<p>${t('minorityNone')}</p>`
            }
          </section>`
        : nothing
    }
  </section>`;
}
