/** A review naming only a label nobody was shown: valid JSON, no usable score. */
import type { ScriptedCall, ScriptedReply } from './scripted-language-model';

export function unusableReview(call: ScriptedCall): ScriptedReply | undefined {
  if (call.schemaName !== 'review') return undefined;
  const entry = {
    score: 10,
    critique: ['fine'],
    suggestions: [],
    majorIssues: 0,
    agreementOutlook: 'agree',
  };
  return { json: { reviews: { 'Proposal Z': entry }, improvementRoom: 'none' } };
}
