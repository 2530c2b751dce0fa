/**
 * The run services shared by the extension host, the standalone MCP server and the CLI:
 * participants resolved from settings and keys, runs started in the background with an id, a
 * TaskState and live events, transcripts appended as the run goes. This file only wires the
 * named parts together: participant policy, input normalisation, run launcher, run queries.
 */
import * as engine from '../core/engine';
import { systemClock, type Clock } from '../core/host-services';
import type { ConsensusInput } from '../core/consensus-types';
import type { VoteInput } from '../core/vote-types';
import type { CouncilService, ParticipantStatus } from '../shared/council-service';
import type {
  CouncilServiceOptions,
  DisposableCouncilService,
  EngineOperations,
} from './council-service-options';
import { participantInfos } from './resolve-participants';
import { redactingLogger, silentLogger } from './logger';
import { checkVoteInput, normalizeConsensusInput } from './normalize-run-input';
import { ParticipantHealth } from './participant-health';
import { infoOfStatus, ParticipantPolicy } from './participant-policy';
import { RunLauncher } from './run-launcher';
import { runBounds } from './run-bounds';
import { pageTranscript } from './page-transcript';
import { RunQueries } from './run-queries';
import { RunRegistry } from './run-registry';
import { markCancelled } from './task-status';
import { registerWriterInstance, unregisterWriterInstance } from './run-writer-liveness';
import { parseRequestedParticipants } from './select-participants';
import { runStartChecker, withWarnings } from './run-start-notes';

export type {
  CouncilSettings,
  CredentialSource,
  ParticipantSetting,
  CompatibleEndpointSetting,
} from './council-settings';
export type {
  CouncilServiceOptions,
  DisposableCouncilService,
  EngineOperations,
} from './council-service-options';
export type { TranscriptStore } from './transcript-store';
export type { Logger } from './logger';

export function createCouncilService(options: CouncilServiceOptions): DisposableCouncilService {
  const logger = redactingLogger(options.logger ?? silentLogger);
  const clock = options.clock ?? systemClock;
  const ops: EngineOperations = { ...engine, ...options.engine };
  const registry = new RunRegistry(logger);
  const health = new ParticipantHealth();
  const policy = new ParticipantPolicy(options, logger, health);
  const queries = new RunQueries(registry, options.transcripts, logger);
  const instance = registerWriterInstance();
  let disposed = false;
  const checkStart = runStartChecker(options, logger, clock, (settings) =>
    policy.costEstimator(settings),
  );
  const launcher = new RunLauncher({
    ...runBounds(options.limits),
    registry,
    clock,
    health,
    logger,
    store: options.transcripts,
    instance,
    isDisposed: () => disposed,
  });

  const service: DisposableCouncilService = {
    listParticipants: (): Promise<ParticipantStatus[]> => policy.list(options.settings()),

    async findParticipantsForTask(task, requiredSkills) {
      const available = (await service.listParticipants()).filter((status) => status.available);
      return ops.rankParticipantsForTask(task, requiredSkills, available.map(infoOfStatus));
    },

    ...startOperations({ options, ops, clock, health, policy, launcher, checkStart }),

    getStatus: (runId) => queries.getStatus(runId),
    waitForResult: (runId, signal) => queries.waitForResult(runId, signal),
    getResult: (runId) => queries.getResult(runId),
    listRuns: () => queries.listRuns(),
    readTranscript: (runId) => queries.readTranscript(runId),

    readTranscriptPage: async (runId, page) =>
      pageTranscript(await queries.readTranscript(runId), page),

    async cancel(runId) {
      const run = registry.running(runId);
      if (!run) return false;
      logger.info(`run ${runId} cancelled`);
      run.controller.abort();
      markCancelled(run.tracker, clock.now());
      return true;
    },

    async finishEarly(runId) {
      const run = registry.running(runId);
      if (!run || run.protocol !== 'consensus') return false;
      logger.info(`run ${runId} stopped with the best so far`);
      run.finishEarly.abort();
      return true;
    },

    subscribe: (runId, listener) => registry.subscribe(runId, listener),

    watchAllRuns: (listener) => registry.watchAll(listener),

    dispose() {
      disposed = true;
      registry.dispose();
      unregisterWriterInstance(instance);
    },
  };
  return service;
}

interface StartParts {
  options: CouncilServiceOptions;
  ops: EngineOperations;
  clock: Clock;
  health: ParticipantHealth;
  policy: ParticipantPolicy;
  launcher: RunLauncher;
  checkStart: ReturnType<typeof runStartChecker>;
}

/** The operations that start engine work: estimate, consensus, vote, one iteration. */
function startOperations({
  options,
  ops,
  clock,
  health,
  policy,
  launcher,
  checkStart,
}: StartParts): Pick<CouncilService, 'estimate' | 'startConsensus' | 'startVote' | 'runIteration'> {
  return {
    async estimate(request) {
      const settings = options.settings();
      const input = normalizeConsensusInput(request, settings);
      const chosen = request.participants?.length
        ? parseRequestedParticipants(request.participants)
        : settings.participants;
      return ops.estimateRun(
        input,
        participantInfos(chosen, settings.personas),
        policy.costEstimator(settings),
      );
    },

    async startConsensus(request) {
      const settings = options.settings();
      const input = normalizeConsensusInput(request, settings);
      const participants = await policy.select(request.participants, settings);
      const { notes, budget } = await checkStart(participants, input.budget, settings);
      const started = launcher.launch<ConsensusInput>({
        protocol: 'consensus',
        origin: request.origin,
        requestedRunId: request.input.runId,
        input: budget ? { ...input, budget } : input,
        participants,
        maxRounds: input.maxRounds,
        cost: policy.costEstimator(settings),
        execute: (runInput, deps) => ops.runConsensus(runInput, deps),
      });
      return withWarnings(started, notes);
    },

    async startVote(request) {
      const settings = options.settings();
      const input = checkVoteInput(request.input);
      const participants = await policy.select(request.participants, settings);
      const judge = await policy.chooseJudge(request.judge, participants, settings);
      const voters = judge ? [...participants, judge] : participants;
      const { notes } = await checkStart(voters, undefined, settings);
      const started = launcher.launch<VoteInput>({
        protocol: 'vote',
        origin: request.origin,
        requestedRunId: request.input.runId,
        input,
        participants,
        cost: policy.costEstimator(settings),
        execute: (runInput, deps) =>
          ops.runVote(runInput, { ...deps, ...(judge ? { judge } : {}) }),
      });
      return withWarnings(started, notes);
    },

    async runIteration(input, participants, signal) {
      const settings = options.settings();
      return ops.runIteration(input, {
        participants: await policy.select(participants, settings),
        clock,
        cost: policy.costEstimator(settings),
        onEvent: (event) => health.track(event),
        ...(signal ? { signal } : {}),
      });
    },
  };
}
