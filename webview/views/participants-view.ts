/**
 * One card per participant with the live text of its latest call (drafts, merges, reviews).
 * The streamed text is one Lit text binding: a token delta changes that text node's data and
 * nothing else, so a selection in the card, focus and scroll survive the stream.
 */
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { badge } from '../toolkit-components';
import { streamPreview } from '../stream-preview';
import { liveText } from './live-text';
import {
  debateRoundOf,
  lastScoredRound,
  latestCallByParticipant,
  type CallView,
  type RunViewState,
} from '../../src/shared/run-view-state';
import type { RenderContext } from './render-context';

function callStatusText(context: RenderContext, call: CallView | undefined): string {
  if (!call) return context.t('callIdle');
  if (call.status === 'streaming') return context.t('callStreaming');
  if (call.status === 'failed') return context.t('callFailed');
  if (call.status === 'not-needed')
    return context.t(`callNotNeeded_${call.notNeeded ?? 'stopped'}`);
  return context.t('callDone');
}

function streamText(call: CallView | undefined): string {
  if (call?.error) return `${call.error.message}${call.error.hint ? `\n${call.error.hint}` : ''}`;
  return streamPreview(call?.text ?? '');
}

export function renderParticipants(state: RunViewState, context: RenderContext): TemplateResult {
  const { t } = context;
  const latest = latestCallByParticipant(state);
  const abstained = new Set(state.abstentions.map((a) => a.participantId));
  const lastScored = lastScoredRound(state.rounds);
  const card = (participant: RunViewState['participants'][number]): TemplateResult => {
    const call = latest.get(participant.id);
    const isAbstained = abstained.has(participant.id);
    const status = isAbstained ? t('abstainedBadge') : callStatusText(context, call);
    const round = call ? debateRoundOf(call.phase, call.round, lastScored) : 0;
    const phase = call ? `${t(`phase_${call.phase}`)} · R${round}` : '';
    const meta = [
      `${participant.provider} · ${participant.model}`,
      participant.persona?.name,
      phase,
    ]
      .filter(Boolean)
      .join(' — ');
    const callStatus = call?.status ?? 'idle';
    return html`<article
      class="participant-card status-${callStatus}${isAbstained ? ' abstained' : ''}"
      data-testid="participant-card"
      data-participant-id=${participant.id}
      aria-label="${participant.displayName}: ${status}"
    >
      <header class="card-header">
        <span class="participant-name">${participant.displayName}</span>${badge(status)}
      </header>
      <div class="participant-meta">${meta}</div>
      <pre
        class="participant-stream ${callStatus}"
        data-testid="participant-stream"
        aria-label=${t('streamAria', participant.displayName)}
        aria-live=${callStatus === 'streaming' ? 'off' : 'polite'}
        tabindex="0"
      >
${liveText(streamText(call))}</pre>
    </article>`;
  };
  return html`<section class="participants" aria-label=${t('participantsHeading')}>
    <h2>${t('participantsHeading')}</h2>
    <div class="card-grid">${repeat(state.participants, (p) => p.id, card)}</div>
  </section>`;
}
