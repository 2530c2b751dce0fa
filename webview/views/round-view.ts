/** One round: its proposals (drafts or merges), the score matrix and every review. */
import { codeBlock, h, type Child } from '../dom-builder';
import { renderMarkdownInto as markdownBlock } from './markdown-block';
import {
  participantName,
  scoreMatrixOf,
  type Proposal,
  type RoundView,
  type RunViewState,
} from '../../src/shared/run-view-state';
import { collapsible } from './collapsible';
import type { RenderContext } from './render-context';

export function renderProduct(
  product: string,
  outputKind: RunViewState['outputKind'],
  context: RenderContext,
  testId?: string,
): HTMLElement {
  if (outputKind === 'code') return codeBlock(product, testId);
  const block = markdownBlock(product, context, 'markdown product');
  if (testId) block.dataset.testid = testId;
  return block;
}

function renderProposal(
  state: RunViewState,
  proposal: Proposal,
  context: RenderContext,
): HTMLElement {
  const { t } = context;
  const name = participantName(state, proposal.participantId);
  const body: Child[] = [
    renderProduct(proposal.product, state.outputKind, context),
    h('h4', { text: t('rationale') }),
    markdownBlock(proposal.rationale, context),
  ];
  if (proposal.critiqueResponse?.length) {
    body.push(h('h4', { text: t('critiqueResponse') }));
    body.push(
      h(
        'ul',
        {},
        proposal.critiqueResponse.map((item) =>
          h('li', {}, [markdownBlock(item, context, 'markdown inline')]),
        ),
      ),
    );
  }
  return collapsible(
    context,
    `proposal:${proposal.round}:${proposal.phase}:${proposal.participantId}`,
    [`${name} — ${t(`phase_${proposal.phase}`)}`],
    body,
    'collapsible proposal',
  );
}

function renderScoreMatrix(
  state: RunViewState,
  round: RoundView,
  context: RenderContext,
): HTMLElement {
  const { t } = context;
  const matrix = scoreMatrixOf(state, round);
  const head = h('tr', {}, [
    h('th', { attrs: { scope: 'col' }, text: t('reviewer') }),
    ...matrix.authorIds.map((id) =>
      h('th', { attrs: { scope: 'col' }, text: participantName(state, id) }),
    ),
  ]);
  const rows = matrix.reviewerIds.map((reviewerId) =>
    h('tr', {}, [
      h('th', { attrs: { scope: 'row' }, text: participantName(state, reviewerId) }),
      ...matrix.authorIds.map((authorId) => {
        const score = matrix.scores[reviewerId]?.[authorId];
        if (score === undefined) {
          return h('td', {
            className: 'self',
            text: reviewerId === authorId ? t('selfScore') : '—',
          });
        }
        return h('td', { className: `score score-${Math.round(score)}`, text: String(score) });
      }),
    ]),
  );
  const mean = h('tr', { className: 'mean' }, [
    h('th', { attrs: { scope: 'row' }, text: t('meanScore') }),
    ...matrix.authorIds.map((id) => h('td', { text: matrix.meanByAuthor[id]?.toFixed(1) ?? '—' })),
  ]);
  return h('table', { className: 'score-matrix', testId: 'score-matrix' }, [
    h('caption', { text: t('scoreMatrixCaption', round.round) }),
    h('thead', {}, [head]),
    h('tbody', {}, [...rows, mean]),
  ]);
}

function renderReviews(
  state: RunViewState,
  round: RoundView,
  context: RenderContext,
): HTMLElement[] {
  const { t } = context;
  return round.reviews.map((report) => {
    const reviewer = participantName(state, report.reviewerId);
    const items = report.reviews.map((review) => {
      const author = participantName(
        state,
        review.authorId || report.labelMap[review.label] || review.label,
      );
      const list = (title: string, entries: string[], className: string): Child =>
        entries.length
          ? h('div', { className }, [
              h('h5', { text: title }),
              h(
                'ul',
                {},
                entries.map((entry) =>
                  h('li', {}, [markdownBlock(entry, context, 'markdown inline')]),
                ),
              ),
            ])
          : null;
      return h('div', { className: 'review', testId: 'review' }, [
        h('div', {
          className: 'review-title',
          text: t(
            'reviewOf',
            reviewer,
            author,
            review.score,
            t(`outlook_${review.agreementOutlook}`),
          ),
        }),
        list(t('critique'), review.critique, 'critique'),
        list(t('suggestions'), review.suggestions, 'suggestions'),
      ]);
    });
    return collapsible(
      context,
      `review:${round.round}:${report.reviewerId}`,
      [`${reviewer} — ${t('improvementRoom', report.improvementRoom)}`],
      items,
      'collapsible review-report',
    );
  });
}

export function renderRound(
  state: RunViewState,
  round: RoundView,
  context: RenderContext,
): HTMLElement {
  const { t } = context;
  const children: Child[] = [h('h3', { text: t('roundHeading', round.round) })];
  if (round.proposals.length) {
    children.push(h('h4', { text: t('proposalsHeading') }));
    children.push(...round.proposals.map((p) => renderProposal(state, p, context)));
  }
  if (round.reviews.length) {
    children.push(h('h4', { text: t('scoreMatrixHeading') }));
    children.push(
      h('div', { className: 'table-scroll' }, [renderScoreMatrix(state, round, context)]),
    );
    children.push(h('h4', { text: t('reviewsHeading') }));
    children.push(...renderReviews(state, round, context));
  }
  if (round.deadlock) {
    children.push(
      h('p', {
        className: 'warning',
        text: t('deadlock', round.deadlock.signal, round.deadlock.detail),
      }),
    );
  }
  return h(
    'section',
    { className: 'round', attrs: { 'aria-label': t('roundHeading', round.round) } },
    children,
  );
}
