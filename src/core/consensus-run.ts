/**
 * One consensus run's fixed facts and shared parts, made once when it starts and handed to each
 * of its steps (drafts, review rounds, scoring, merges, the final phase, the end).
 */
import type { ConsensusInput, ResolvedScheduling, Thresholds } from './consensus-types';
import type { TaskFrame } from './consensus-prompts';
import { ConsensusRoster } from './consensus-roster';
import { newConsensusState, type ConsensusState } from './consensus-state';
import type { EngineDependencies } from './engine-dependencies';
import { openRun, taskFrameOf } from './open-run';
import { toParticipantInfo, type Participant } from './participant';
import { PhaseScheduler, resolveScheduling } from './phase-scheduler';
import { QUORUM, resolveMaxRounds, resolveThresholds } from './run-defaults';
import type { RunContext } from './run-context';
import type { ConsensusRunSettings } from './run-events';

export interface ConsensusRun {
  input: ConsensusInput;
  runId: string;
  context: RunContext;
  startedAt: number;
  maxRounds: number;
  thresholds: Thresholds;
  seed: number;
  scheduling: ResolvedScheduling;
  participants: Participant[];
  frame: TaskFrame;
  singleVendor: boolean;
  roster: ConsensusRoster;
  scheduler: PhaseScheduler;
  state: ConsensusState;
}

/** Resolves the run's options, emits run-started with them, and sets up its parts. */
export function startConsensusRun(input: ConsensusInput, deps: EngineDependencies): ConsensusRun {
  const { runId, context, seed, startedAt } = openRun(input, deps);
  const participants = deps.participants;
  const settings: ConsensusRunSettings = {
    maxRounds: resolveMaxRounds(input.maxRounds),
    thresholds: resolveThresholds(input.thresholds),
    seed,
    budget: input.budget ?? null,
    singleVendor: new Set(participants.map((participant) => participant.provider)).size <= 1,
    scheduling: resolveScheduling(input.scheduling),
  };
  context.emit({
    type: 'run-started',
    protocol: 'consensus',
    participants: participants.map(toParticipantInfo),
    input: { ...input, runId },
    settings,
  });
  const roster = new ConsensusRoster(context, participants);
  return {
    input,
    runId,
    context,
    startedAt,
    maxRounds: settings.maxRounds,
    thresholds: settings.thresholds,
    seed,
    scheduling: settings.scheduling,
    participants,
    frame: taskFrameOf(input),
    singleVendor: settings.singleVendor,
    roster,
    scheduler: new PhaseScheduler(
      context,
      roster.abstain,
      settings.scheduling.stragglerFactor,
      QUORUM,
    ),
    state: newConsensusState(),
  };
}
