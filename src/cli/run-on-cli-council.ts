/**
 * What `mlo run` and `mlo vote` share: start one run on the invocation's council, follow it
 * (progress and Ctrl-C, follow-run.ts), print its answer (or the whole result with --json) on
 * stdout, let the command report on stderr, and dispose the council however it ends.
 */
import type { CouncilService, RunResult } from '../shared/council-service';
import type { CliIo } from './cli-io';
import { createCliCouncil } from './create-cli-council';
import { followRun } from './follow-run';
import { participantsFlag } from './parse-participants-flag';

export interface CliRunFlags {
  participants?: string | undefined;
  json: boolean;
  quiet: boolean;
  verbose: boolean;
}

export interface CliRun<Result extends RunResult> {
  /** Whether the first Ctrl-C stops with the best so far (consensus) or cancels (a vote). */
  keepsBestOnStop: boolean;
  start(council: CouncilService, participants: string[] | undefined): Promise<{ runId: string }>;
  /** The text printed on stdout without --json, if any. */
  answer(result: Result): string | undefined;
  /** Writes the summary on stderr; returns the exit code. */
  report(result: Result, dataDir: string): number;
}

export async function runOnCliCouncil<Result extends RunResult>(
  io: CliIo,
  flags: CliRunFlags,
  run: CliRun<Result>,
): Promise<number> {
  const { council, dataDir } = createCliCouncil(io.env, io.err, flags.verbose ? 'info' : 'warn');
  let release = () => {};
  try {
    const { runId } = await run.start(council, participantsFlag(flags.participants));
    const followed = await followRun(council, runId, io, flags.quiet, run.keepsBestOnStop);
    release = followed.release;
    const result = followed.result as Result;
    const answer = run.answer(result);
    if (flags.json) {
      await io.out(JSON.stringify(result, null, 2) + '\n');
    } else if (answer !== undefined) {
      await io.out(answer.endsWith('\n') ? answer : `${answer}\n`);
    }
    return run.report(result, dataDir);
  } finally {
    release();
    council.dispose();
  }
}
