/**
 * Follows one run of a CLI command: progress lines on stderr; the first Ctrl-C stops a consensus
 * run with the best proposal so far (status provisional), a second cancels outright, a third
 * quits at once. A vote has no best so far: its first Ctrl-C cancels it, and says so. The result
 * once the run and its transcript are complete.
 * From the run's end until the caller has printed the result, Ctrl-C does nothing (the result
 * is not lost to a late Ctrl-C).
 */
import type { CouncilService, RunResult } from '../shared/council-service';
import * as l10n from '@vscode/l10n';
import type { CliIo } from './cli-io';
import { progressLine } from './progress-printer';

export function transcriptIncompleteWarning(): string {
  return l10n.t(
    'warning: could not write the transcript (disk full or not writable); the run goes on, but its transcript will miss records. mlo exits 3 if the run otherwise succeeds.',
  );
}

export interface FollowedRun {
  result: RunResult;
  /** Gives Ctrl-C back to the process: call it once the result is printed. */
  release(): void;
}

export async function followRun(
  council: CouncilService,
  runId: string,
  io: CliIo,
  quiet: boolean,
  /** A consensus run: the first Ctrl-C keeps the best so far. A vote: it cancels. */
  keepsBestOnStop: boolean,
): Promise<FollowedRun> {
  const unsubscribe = council.subscribe(runId, (event) => {
    // Even with --quiet: a transcript that stops being written is never silent.
    if (event.type === 'transcript-incomplete') {
      io.err(`mlo: ${transcriptIncompleteWarning()}\n`);
      return;
    }
    if (quiet) return;
    const line = progressLine(event);
    if (line !== undefined) io.err(`mlo: ${line}\n`);
  });
  let interrupts = 0;
  let ended = false;
  const removeInterrupt = io.onInterrupt(() => {
    if (ended) return;
    interrupts += keepsBestOnStop ? 1 : 2;
    if (interrupts === 1) {
      io.err(`mlo: ${l10n.t('stopping with the best so far… (Ctrl-C again to cancel)')}\n`);
      void council.finishEarly(runId).then((stopped) => {
        if (!stopped) void council.cancel(runId);
      });
    } else if (interrupts === 2) {
      io.err(`mlo: ${l10n.t('cancelling the run… (Ctrl-C again to quit at once)')}\n`);
      void council.cancel(runId);
    } else {
      process.exit(130);
    }
  });
  try {
    const result = await council.waitForResult(runId);
    ended = true;
    return { result, release: removeInterrupt };
  } catch (error) {
    removeInterrupt();
    throw error;
  } finally {
    unsubscribe();
  }
}
