/**
 * Follows one run of a CLI command: progress lines on stderr, Ctrl-C cancels (a second Ctrl-C
 * quits at once), and the result once the run and its transcript are complete.
 */
import type { CouncilService, RunResult } from '../shared/council-service';
import type { CliIo } from './cli-io';
import { progressLine } from './progress-printer';

export const TRANSCRIPT_INCOMPLETE_WARNING =
  'could not write the transcript (disk full or not writable); the run goes on, but its transcript will miss records. mlo exits 3 if the run otherwise succeeds.';

export async function followRun(
  council: CouncilService,
  runId: string,
  io: CliIo,
  quiet: boolean,
): Promise<RunResult> {
  const unsubscribe = council.subscribe(runId, (event) => {
    // Even with --quiet: a transcript that stops being written is never silent.
    if (event.type === 'transcript-incomplete') {
      io.err(`mlo: warning: ${TRANSCRIPT_INCOMPLETE_WARNING}\n`);
      return;
    }
    if (quiet) return;
    const line = progressLine(event);
    if (line !== undefined) io.err(`mlo: ${line}\n`);
  });
  let interrupts = 0;
  const removeInterrupt = io.onInterrupt(() => {
    interrupts += 1;
    if (interrupts === 1) {
      io.err('mlo: cancelling the run… (Ctrl-C again to quit at once)\n');
      void council.cancel(runId);
    } else {
      process.exit(130);
    }
  });
  try {
    return await council.waitForResult(runId);
  } finally {
    removeInterrupt();
    unsubscribe();
  }
}
