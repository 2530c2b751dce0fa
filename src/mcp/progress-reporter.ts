/**
 * Progress notifications for a long tool call: each phase, round score, notice, drop-out and
 * vote of the run becomes one notifications/progress to the client, when the client asked for
 * progress (it sent a progressToken). Clients that reset their timeout on progress then keep
 * waiting. A client may show the message as its progress title, so it holds our own words,
 * labels and figures only (docs/SECURITY.md).
 * Nothing is sent once the tool call returns: following stops before the response goes out.
 */
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { RunEvent } from '../core/run-events';
import type { CouncilService } from '../shared/council-service';

export type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;

export function progressMessage(event: RunEvent): string | undefined {
  switch (event.type) {
    case 'phase-started':
      return `round ${event.round}: ${event.phase} started`;
    case 'round-scored':
      return `round ${event.signals.round} scored: ${event.signals.converged ? 'converged' : 'not converged yet'} (divergence ${event.signals.textDivergence.toFixed(3)}, score spread ${event.signals.scoreSpread === null ? `unknown: ${event.signals.cause ?? 'no scores'}` : event.signals.scoreSpread.toFixed(2)})`;
    case 'notice':
      return `${event.notice.message} ${event.notice.hint}`;
    case 'abstained':
      // A client may show this as its progress title: our words and the error's kind only,
      // never a vendor's error text or a model id from settings (the result names them).
      return `a participant dropped out in ${event.abstention.phase} (${event.abstention.error.kind}); the result names who and why`;
    case 'deadlock':
      return `deadlock detected in round ${event.round}: ${event.detail}`;
    case 'combined':
      return `finals combined (agreement ${(event.agreement * 100).toFixed(0)}%)`;
    case 'vote-cast':
      return 'a vote was cast';
    default:
      // The run's end (run-finished) is the tool's response itself: a progress notification
      // for it would be written right beside the response, and a client that handles the
      // response first (the TypeScript SDK does) reports progress for a finished request.
      return undefined;
  }
}

/** Follows runId and reports progress; returns the function that stops following. */
export function reportProgress(
  council: CouncilService,
  runId: string,
  extra: ToolExtra,
): () => void {
  const token = extra._meta?.progressToken;
  if (token === undefined) return () => {};
  let progress = 0;
  return council.subscribe(runId, (event) => {
    const message = progressMessage(event);
    if (message === undefined) return;
    progress += 1;
    extra
      .sendNotification({
        method: 'notifications/progress',
        params: { progressToken: token, progress, message },
      })
      .catch(() => {
        // The client went away; the run carries on and the result stays pollable.
      });
  });
}
