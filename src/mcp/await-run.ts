/**
 * Waiting for a run from inside a tool call, in the two ways the tools need it: to its end
 * with progress (a long tool), or for at most a while (a poll that may wait, a cancel that
 * lets the run settle).
 */
import type { CouncilService, RunResult } from '../shared/council-service';
import { reportProgress, type ToolExtra } from './progress-reporter';

/** To the end, with progress; the client cancelling its request cancels the run (it would otherwise spend on). */
export async function awaitRun(
  council: CouncilService,
  runId: string,
  extra: ToolExtra,
): Promise<RunResult> {
  const stopProgress = reportProgress(council, runId, extra);
  const cancelRun = (): void => void council.cancel(runId).catch(() => {});
  extra.signal.addEventListener('abort', cancelRun, { once: true });
  try {
    return await council.waitForResult(runId);
  } finally {
    stopProgress();
    extra.signal.removeEventListener('abort', cancelRun);
  }
}

/** Until the run ends, `ms` pass or `signal` aborts, whichever comes first; never throws. */
export async function waitAWhile(
  council: CouncilService,
  runId: string,
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  await council.waitForResult(runId, controller.signal).catch(() => undefined);
  clearTimeout(timer);
  signal?.removeEventListener('abort', onAbort);
}
