/** One card per participant with the live text of its latest call (drafts, merges, reviews). */
import { h, type Child } from '../dom-builder';
import { createBadge } from '../toolkit-components';
import { streamPreview } from '../stream-preview';
import {
  latestCallByParticipant,
  type CallView,
  type RunViewState,
} from '../../src/shared/run-view-state';
import type { RenderContext } from './render-context';

function callStatusText(context: RenderContext, call: CallView | undefined): string {
  if (!call) return context.t('callIdle');
  if (call.status === 'streaming') return context.t('callStreaming');
  if (call.status === 'failed') return context.t('callFailed');
  return context.t('callDone');
}

export function renderParticipants(state: RunViewState, context: RenderContext): HTMLElement {
  const { t } = context;
  const latest = latestCallByParticipant(state);
  const abstained = new Set(state.abstentions.map((a) => a.participantId));
  const cards: Child[] = state.participants.map((participant) => {
    const call = latest.get(participant.id);
    const status = abstained.has(participant.id)
      ? t('abstainedBadge')
      : callStatusText(context, call);
    const phase = call ? `${t(`phase_${call.phase}`)} · R${call.round}` : '';
    const stream = h('pre', {
      className: `participant-stream ${call?.status ?? 'idle'}`,
      testId: 'participant-stream',
      attrs: {
        'aria-label': t('streamAria', participant.displayName),
        'aria-live': call?.status === 'streaming' ? 'off' : 'polite',
        tabindex: '0',
        'data-focus-key': `stream:${participant.id}`,
      },
      // Plain text only: the raw model output is never parsed as HTML.
      text: call?.error
        ? `${call.error.message}${call.error.hint ? `\n${call.error.hint}` : ''}`
        : streamPreview(call?.text ?? ''),
    });
    return h(
      'article',
      {
        className: `participant-card status-${call?.status ?? 'idle'}${abstained.has(participant.id) ? ' abstained' : ''}`,
        testId: 'participant-card',
        attrs: {
          'data-participant-id': participant.id,
          'aria-label': `${participant.displayName}: ${status}`,
        },
      },
      [
        h('header', { className: 'card-header' }, [
          h('span', { className: 'participant-name', text: participant.displayName }),
          createBadge(status),
        ]),
        h('div', {
          className: 'participant-meta',
          text: [`${participant.provider} · ${participant.model}`, participant.persona?.name, phase]
            .filter(Boolean)
            .join(' — '),
        }),
        stream,
      ],
    );
  });
  return h(
    'section',
    { className: 'participants', attrs: { 'aria-label': t('participantsHeading') } },
    [h('h2', { text: t('participantsHeading') }), h('div', { className: 'card-grid' }, cards)],
  );
}
