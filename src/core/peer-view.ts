/**
 * What a peer is shown of someone else's work: the round's label and the identity-masked text
 * (docs/PROTOCOL.md "Scrubbing"). Every mask is recorded once per text as an identity-masked
 * event, so the transcript says what was hidden; the original text is in its own event.
 */
import type { PeerReview, Proposal } from './consensus-types';
import type { LabelledProposal, ReviewForMerge, TaskFrame } from './consensus-prompts';
import type { IdentityMaskedEvent } from './run-events';
import type { ParticipantInfo } from './participant';
import type { RunContext } from './run-context';
import { createIdentityMasker, type IdentityMasker, type MaskedKind } from './identity-mask';

type Field = IdentityMaskedEvent['field'];
type Source = IdentityMaskedEvent['source'];

export class PeerView {
  private readonly recorded = new Set<string>();

  constructor(
    private readonly context: RunContext,
    private readonly masker: IdentityMasker,
  ) {}

  text(
    text: string,
    kind: MaskedKind,
    who: { authorId: string; round: number; source: Source; field: Field },
  ): string {
    const { text: masked, masked: terms } = this.masker.mask(text, kind);
    if (terms.length > 0) {
      const key = `${who.authorId}|${who.round}|${who.source}|${who.field}|${text}`;
      if (!this.recorded.has(key)) {
        this.recorded.add(key);
        this.context.emit({ type: 'identity-masked', ...who, masked: terms });
      }
    }
    return masked;
  }

  proposal(proposal: Proposal, label: string): LabelledProposal {
    const who = { authorId: proposal.participantId, round: proposal.round, source: proposal.phase };
    return {
      label,
      product: this.text(proposal.product, 'product', { ...who, field: 'product' }),
      rationale: this.text(proposal.rationale, 'prose', { ...who, field: 'rationale' }),
    };
  }

  review(review: PeerReview, label: string): ReviewForMerge {
    const who = { authorId: review.reviewerId, round: review.round, source: 'review' as const };
    return {
      label,
      review: {
        score: review.score,
        agreementOutlook: review.agreementOutlook,
        critique: review.critique.map((point) =>
          this.text(point, 'prose', { ...who, field: 'critique' }),
        ),
        suggestions: review.suggestions.map((point) =>
          this.text(point, 'prose', { ...who, field: 'suggestions' }),
        ),
      },
    };
  }
}

const views = new WeakMap<RunContext, PeerView>();

/** One view per run: its masker knows every participant and the user's own words. */
export function peerViewFor(
  context: RunContext,
  participants: readonly ParticipantInfo[],
  frame: Pick<TaskFrame, 'task' | 'context'>,
): PeerView {
  let view = views.get(context);
  if (!view) {
    const userInput = [frame.task, frame.context?.selection ?? '', frame.context?.extra ?? ''].join(
      '\n',
    );
    view = new PeerView(context, createIdentityMasker(participants, userInput));
    views.set(context, view);
  }
  return view;
}
