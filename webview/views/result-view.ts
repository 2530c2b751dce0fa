/** The final product with its status, ratification votes, minority report and abstentions. */
import { h, type Child } from '../dom-builder';
import { createButton } from '../toolkit-components';
import {
  finalStatusOf,
  participantName,
  type Ratification,
  type RunViewState,
} from '../../src/shared/run-view-state';
import { renderProduct } from './round-view';
import { renderMarkdownInto } from './markdown-block';
import type { RenderContext } from './render-context';

function ratificationList(
  state: RunViewState,
  items: Ratification[],
  context: RenderContext,
  testId?: string,
): HTMLElement {
  const { t } = context;
  return h(
    'ul',
    { className: 'ratifications', ...(testId ? { testId } : {}) },
    items.map((item) =>
      h('li', { className: `vote-${item.vote}` }, [
        h('strong', { text: `${participantName(state, item.participantId)}: ` }),
        h('span', { className: 'vote', text: t(`vote_${item.vote}`) }),
        item.reasons.length
          ? h(
              'ul',
              {},
              item.reasons.map((reason) => h('li', {}, [renderMarkdownInto(reason, context)])),
            )
          : null,
      ]),
    ),
  );
}

function actionButtons(state: RunViewState, context: RenderContext): HTMLElement {
  const { t, post, applyState } = context;
  const runId = state.runId;
  const pending = applyState === 'pending';
  const button = (
    testId: string,
    label: string,
    ariaLabel: string,
    appearance: 'primary' | 'secondary',
    enabled: boolean,
    onClick: () => void,
  ): HTMLElement => {
    const element = createButton({ label, ariaLabel, appearance, disabled: !enabled, onClick });
    element.dataset.testid = testId;
    element.dataset.focusKey = testId;
    return element;
  };
  const canApply = pending && state.outputKind === 'code';
  return h('div', { className: 'toolbar result-actions' }, [
    button('apply-button', t('apply'), t('applyAria'), 'primary', canApply, () =>
      post({ type: 'apply-result', runId }),
    ),
    button('copy-button', t('copy'), t('copyAria'), 'secondary', true, () =>
      post({ type: 'copy-result', runId }),
    ),
    button('discard-button', t('discard'), t('discardAria'), 'secondary', pending, () =>
      post({ type: 'discard-result', runId }),
    ),
    button(
      'show-diff-button',
      t('showDiff'),
      t('showDiffAria'),
      'secondary',
      state.outputKind === 'code',
      () => post({ type: 'show-diff', runId }),
    ),
  ]);
}

export function renderAbstentions(
  state: RunViewState,
  context: RenderContext,
): HTMLElement | undefined {
  const { t } = context;
  if (!state.abstentions.length) return undefined;
  return h(
    'section',
    {
      className: 'abstentions',
      testId: 'abstentions',
      attrs: { 'aria-label': t('abstentionsHeading') },
    },
    [
      h('h3', { text: t('abstentionsHeading') }),
      h(
        'ul',
        {},
        state.abstentions.map((a) =>
          h('li', {
            attrs: { 'data-participant-id': a.participantId },
            text: t(
              'abstainedIn',
              participantName(state, a.participantId),
              t(`phase_${a.phase}`),
              a.round,
              a.error.message,
            ),
          }),
        ),
      ),
    ],
  );
}

/** Quick-vote runs: each voter's answer as it arrives (vote-cast events). */
export function renderVotes(state: RunViewState, context: RenderContext): HTMLElement | undefined {
  if (state.protocol !== 'vote' || !state.votes.length) return undefined;
  const { t } = context;
  return h(
    'section',
    { className: 'votes', testId: 'votes', attrs: { 'aria-label': t('votesHeading') } },
    [
      h('h3', { text: t('votesHeading') }),
      h(
        'ul',
        {},
        state.votes.map((vote) =>
          h('li', { attrs: { 'data-participant-id': vote.participantId } }, [
            h('strong', { text: `${participantName(state, vote.participantId)}: ` }),
            renderMarkdownInto(vote.answer, context, 'markdown inline'),
          ]),
        ),
      ),
    ],
  );
}

export function renderResult(state: RunViewState, context: RenderContext): HTMLElement | undefined {
  const { t, applyState } = context;
  const status = finalStatusOf(state);
  if (!status) return undefined;
  const result = state.consensusResult;
  const children: Child[] = [
    h('h2', { text: t('resultHeading') }),
    h('p', { className: 'final-status-line' }, [
      `${t('finalStatusLabel')}: `,
      h('span', {
        className: `final-status status-${status}`,
        testId: 'final-status',
        text: status,
      }),
      result?.singleVendor ? h('span', { className: 'tag', text: ` ${t('singleVendor')}` }) : null,
    ]),
  ];
  if (result?.product !== undefined) {
    children.push(renderProduct(result.product, result.outputKind, context, 'final-product'));
    if (result.rationale) {
      children.push(
        h('h4', { text: t('rationale') }),
        renderMarkdownInto(result.rationale, context),
      );
    }
    children.push(actionButtons(state, context));
    if (applyState === 'applied' || applyState === 'discarded' || applyState === 'stale') {
      children.push(
        h('p', {
          className: `apply-state ${applyState}`,
          attrs: { role: 'status' },
          text: t(`applyState_${applyState}`),
        }),
      );
    }
  }
  const vote = state.voteResult;
  if (vote) {
    children.push(
      h('p', {
        className: 'vote-outcome',
        text:
          vote.reached && vote.winningAnswer !== undefined
            ? t('voteWinner', vote.winningAnswer, Math.round(vote.confidence * 100))
            : t('voteNotReached'),
      }),
    );
  }
  if (state.ratifications.length) {
    children.push(h('h3', { text: t('ratificationsHeading') }));
    children.push(ratificationList(state, state.ratifications, context, 'ratifications'));
  }
  if (result) {
    children.push(
      h(
        'section',
        {
          className: 'minority-report',
          testId: 'minority-report',
          attrs: { 'aria-label': t('minorityHeading') },
        },
        [
          h('h3', { text: t('minorityHeading') }),
          result.minorityReport.length
            ? ratificationList(state, result.minorityReport, context)
            : h('p', { text: t('minorityNone') }),
        ],
      ),
    );
  }
  return h(
    'section',
    { className: 'result', attrs: { 'aria-label': t('resultHeading') } },
    children,
  );
}
