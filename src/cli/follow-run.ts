/**
 * Follows one run of a CLI command: progress lines on stderr, Ctrl-C cancels (a second Ctrl-C
 * quits at once), and the result once the run and its transcript are complete.
 */
import type { CouncilService, RunResult } from '../shared/council-service';
import type { CliIo } from './cli-io';
import { progressLine } from './progress-printer';

export async function followRun(
  council: CouncilService,
  runId: string,
  io: CliIo,
  quiet: boolean,
): Promise<RunResult> {
  const unsubscribe = quiet
    ? () => {}
    : council.subscribe(runId, (event) => {
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
