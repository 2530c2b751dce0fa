/**
 * What every engine operation does first: the run's id (the host's, or a fresh one), its
 * context, its seed, and the task as the prompts frame it.
 */
import type { CodeContext, ConsensusResult, OutputKind } from './consensus-types';
import type { ProtocolName } from './run-events';
import type { VoteResult } from './vote-types';
import type { TaskFrame } from './consensus-prompts';
import type { EngineDependencies } from './engine-dependencies';
import { RunContext } from './run-context';
import { newRunId } from './run-id';
import { randomSeed } from './seeded-random';

export interface OpenedRun {
  runId: string;
  context: RunContext;
  /** The run's seed (labels, display orders, shuffles); recorded in run-started. */
  seed: number;
  startedAt: number;
}

export function openRun(
  input: { runId?: string; seed?: number },
  deps: EngineDependencies,
): OpenedRun {
  const runId = input.runId ?? newRunId();
  const context = new RunContext(runId, deps);
  return { runId, context, seed: input.seed ?? randomSeed(), startedAt: context.clock.now() };
}

/**
 * Ends a run: stamps its timing on the result, emits the one run-finished with it (the last
 * event of every run), waits until the transcript has every record, and releases the run.
 */
export async function closeRun<Result extends ConsensusResult | VoteResult>(
  run: Pick<OpenedRun, 'context' | 'startedAt'>,
  protocol: ProtocolName,
  body: Omit<Result, 'startedAt' | 'finishedAt'>,
): Promise<Result> {
  const { context } = run;
  const result = { ...body, startedAt: run.startedAt, finishedAt: context.clock.now() } as Result;
  context.emit({ type: 'run-finished', protocol, result });
  await context.flush();
  context.dispose();
  return result;
}

export function taskFrameOf(input: {
  task: string;
  outputKind: OutputKind;
  context?: CodeContext;
}): TaskFrame {
  return {
    task: input.task,
    outputKind: input.outputKind,
    ...(input.context ? { context: input.context } : {}),
  };
}
