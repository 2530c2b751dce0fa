/**
 * One round: its proposals (drafts or merges), the scores and every review. Narrow first: the
 * reviewer × author scores are a list of rows per reviewer (a table would need 3+ columns),
 * and every block wraps inside the side bar.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { markdownBlock } from './markdown-block';
import {
  participantName,
  scoreMatrixOf,
  type Proposal,
  type RoundView,
  type RunViewState,
} from '../../src/shared/run-view-state';
import { codeBlock, collapsible } from './collapsible';
import { deadlockText } from './deadlock-text';
import type { RenderContext } from './render-context';

export function renderProduct(
  product: string,
  outputKind: RunViewState['outputKind'],
  context: RenderContext,
  testId?: string,
): TemplateResult {
  if (outputKind === 'code') return codeBlock(product, testId);
  return markdownBlock(product, context, 'markdown product', testId);
}

function renderProposal(
  state: RunViewState,
  proposal: Proposal,
  context: RenderContext,
): TemplateResult {
  const { t } = context;
  const name = participantName(state, proposal.participantId);
  const responses = proposal.critiqueResponse ?? [];
  const body = () =>
    html`${renderProduct(proposal.product, state.outputKind, context)}
      <h4>${t('rationale')}</h4>
      ${markdownBlock(proposal.rationale, context)}
      ${
        responses.length
          ? html`<h4>${t('critiqueResponse')}</h4>
              <ul>
                ${responses.map((item) => html`<li>${markdownBlock(item, context, 'markdown inline')}</li>`)}
              </ul>`
          : nothing
      }`;
  return collapsible(
    context,
    `proposal:${proposal.round}:${proposal.phase}:${proposal.participantId}`,
    `${name} — ${t(`phase_${proposal.phase}`)}`,
    body,
    'collapsible proposal',
  );
}

/** Reviewer × author scores as stacked rows: "GPT-5.1 → Claude 8 · Gemini 7". */
function renderScoreMatrix(
  state: RunViewState,
  round: RoundView,
  context: RenderContext,
): TemplateResult {
  const { t } = context;
  const matrix = scoreMatrixOf(state, round);
  const cell = (reviewerId: string, authorId: string): TemplateResult => {
    const score = matrix.scores[reviewerId]?.[authorId];
    const author = participantName(state, authorId);
    if (score === undefined) {
      return html`<li class="self">
        <span class="author">${author}</span
        ><span class="value">${reviewerId === authorId ? t('selfScore') : '—'}</span>
      </li>`;
    }
    return html`<li class="score score-${Math.round(score)}">
      <span class="author">${author}</span><span class="value">${score}</span>
    </li>`;
  };
  return html`<div
    class="score-matrix"
    data-testid="score-matrix"
    role="group"
    aria-label=${t('scoreMatrixCaption', round.round)}
  >
    <p class="caption">${t('scoreMatrixCaption', round.round)}</p>
    ${matrix.reviewerIds.map(
      (reviewerId) =>
        html`<div class="matrix-row" data-testid="matrix-row">
          <span class="reviewer">${participantName(state, reviewerId)}</span>
          <ul class="matrix-cells">
            ${matrix.authorIds.map((authorId) => cell(reviewerId, authorId))}
          </ul>
        </div>`,
    )}
    <div class="matrix-row mean">
      <span class="reviewer">${t('meanScore')}</span>
      <ul class="matrix-cells">
        ${matrix.authorIds.map(
          (id) =>
            html`<li>
              <span class="author">${participantName(state, id)}</span
              ><span class="value">${matrix.meanByAuthor[id]?.toFixed(1) ?? '—'}</span>
            </li>`,
        )}
      </ul>
    </div>
  </div>`;
}

function reviewList(title: string, entries: string[], className: string, context: RenderContext) {
  if (!entries.length) return nothing;
  return html`<div class=${className}>
    <h5>${title}</h5>
    <ul>
      ${entries.map((entry) => html`<li>${markdownBlock(entry, context, 'markdown inline')}</li>`)}
    </ul>
  </div>`;
}

function renderReviews(state: RunViewState, round: RoundView, context: RenderContext) {
  const { t } = context;
  return repeat(
    round.reviews,
    (report) => report.reviewerId,
    (report) => {
      const reviewer = participantName(state, report.reviewerId);
      const items = () =>
        report.reviews.map((review) => {
          const author = participantName(
            state,
            review.authorId || report.labelMap[review.label] || review.label,
          );
          const outlook = t(`outlook_${review.agreementOutlook}`);
          return html`<div class="review" data-testid="review">
            <div class="review-title">
              ${t('reviewOf', reviewer, author, review.score, outlook)}
            </div>
            ${reviewList(t('critique'), review.critique, 'critique', context)}
            ${reviewList(t('suggestions'), review.suggestions, 'suggestions', context)}
          </div>`;
        });
      return collapsible(
        context,
        `review:${round.round}:${report.reviewerId}`,
        `${reviewer} — ${t('improvementRoom', report.improvementRoom)}`,
        items,
        'collapsible review-report',
      );
    },
  );
}

export function renderRound(
  state: RunViewState,
  round: RoundView,
  context: RenderContext,
): TemplateResult {
  const { t } = context;
  const proposals = round.proposals;
  return html`<section class="round" aria-label=${t('roundHeading', round.round)}>
    <h3>${t('roundHeading', round.round)}</h3>
    ${
      proposals.length
        ? html`<h4>${t('proposalsHeading')}</h4>
            ${repeat(
              proposals,
              (p) => `${p.phase}:${p.participantId}`,
              (p) => renderProposal(state, p, context),
            )}`
        : nothing
    }
    ${
      round.reviews.length
        ? html`<h4>${t('scoreMatrixHeading')}</h4>
            ${renderScoreMatrix(state, round, context)}
            <h4>${t('reviewsHeading')}</h4>
            ${renderReviews(state, round, context)}`
        : nothing
    }
    ${
      round.notice
        ? html`<p class="callout warning round-notice" data-testid="round-notice" role="status">
            ${t(`notice_${round.notice.cause}`, round.notice.round)}
          </p>`
        : nothing
    }
    ${
      round.deadlock
        ? html`<p class="warning">
            ${t('deadlock', round.deadlock.signal, deadlockText(t, round.deadlock))}
          </p>`
        : nothing
    }
  </section>`;
}
