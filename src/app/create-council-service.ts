/**
 * The run services shared by the extension host, the standalone MCP server and the CLI
 * (CONTRACTS §4): participants resolved from settings and keys, runs started in the background
 * with an id, a TaskState and live events, transcripts appended as the run goes.
 */
import { randomBytes } from 'node:crypto';
import type { ConsensusInput } from '../core/consensus-types';
import type { EngineDependencies } from '../core/engine-dependencies';
import * as engine from '../core/engine';
import type { Clock, CostEstimator, TranscriptSink } from '../core/host-services';
import { systemClock } from '../core/host-services';
import type { LanguageModel } from '../core/language-model';
import { toParticipantInfo, type Participant, type ParticipantInfo } from '../core/participant';
import type { ProtocolName, RunEvent } from '../core/run-events';
import type { TranscriptRecord } from '../core/transcript-record';
import type { VoteInput } from '../core/vote-types';
import { createPriceTableCostEstimator } from '../providers/pricing';
import type {
  CouncilService,
  ParticipantStatus,
  RunOrigin,
  RunResult,
  RunSummary,
  StartConsensusRequest,
  TaskStatus,
} from '../shared/council-service';
import { ConfigurationError } from './configuration-error';
import type { CouncilSettings, CredentialSource } from './council-settings';
import { errorOf, failedResult } from './failed-result';
import { isValidRunId } from './jsonl-transcript-store';
import {
  registerWriterInstance,
  unregisterWriterInstance,
  writerIsAlive,
  writerOf,
} from './run-writer-liveness';
import { redactingLogger, silentLogger, type Logger } from './logger';
import {
  participantIds,
  participantInfos,
  participantStatusOf,
  resolveParticipant,
  type ResolveContext,
} from './resolve-participants';
import { resultFromTranscript, statusFromTranscript } from './run-from-transcript';
import { RunRegistry, type LiveRun } from './run-registry';
import { markCancelled } from './task-status';
import { parseRequestedParticipants, selectParticipants } from './select-participants';
import { runTitle } from './summarize-transcript';
import { sharedModelCatalog, type ModelCatalog } from './model-catalog';
import { runStartNotes } from './run-start-notes';
import type { TranscriptStore } from './transcript-store';

export type {
  CouncilSettings,
  CredentialSource,
  ParticipantSetting,
  CompatibleEndpointSetting,
} from './council-settings';
export type { TranscriptStore } from './transcript-store';
export type { Logger } from './logger';

/** The engine operations the service calls; tests may replace them. */
export interface EngineOperations {
  runConsensus: typeof engine.runConsensus;
  runVote: typeof engine.runVote;
  runIteration: typeof engine.runIteration;
  rankParticipantsForTask: typeof engine.rankParticipantsForTask;
  estimateRun: typeof engine.estimateRun;
}

export interface CouncilServiceOptions {
  credentials: CredentialSource;
  /** Read fresh at each run. */
  settings: () => CouncilSettings;
  transcripts: TranscriptStore;
  /** Providers the host brings itself: `vscode-lm` (editor models), `sampling` (MCP client). */
  extraModelFactory?: (providerId: string, model: string) => LanguageModel | undefined;
  /** More entries for listParticipants, e.g. the editor's vscode.lm models. */
  extraParticipants?: () => Promise<ParticipantStatus[]>;
  logger?: Logger;
  clock?: Clock;
  /** Replaces the price table (tests). */
  cost?: CostEstimator;
  /** Replaces engine operations (tests). */
  engine?: Partial<EngineOperations>;
  /** Tweaks for the vendor models (tests use short retry delays). */
  modelOptions?: ResolveContext['modelOptions'];
  /** The vendors' model lists (lifecycle); the process-wide one when absent. */
  modelCatalog?: ModelCatalog;
  /** Where the user changes participants in this host; default "multiLlm.participants". */
  participantsSetting?: string;
}

export type DisposableCouncilService = CouncilService & { dispose(): void };

export function newRunId(now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

function singleVendorNote(participants: ParticipantInfo[]): string | undefined {
  const vendors = new Set(participants.map((p) => p.provider));
  return vendors.size === 1 ? `single-vendor run (${[...vendors][0]})` : undefined;
}

export function createCouncilService(options: CouncilServiceOptions): DisposableCouncilService {
  const logger = redactingLogger(options.logger ?? silentLogger);
  const clock = options.clock ?? systemClock;
  const ops: EngineOperations = { ...engine, ...options.engine };
  const registry = new RunRegistry(logger);
  const store = options.transcripts;
  /** provider:model -> did its latest call succeed. */
  const health = new Map<string, boolean>();
  const instance = registerWriterInstance();
  let disposed = false;

  const resolveContext = (settings: CouncilSettings): ResolveContext => ({
    settings,
    credentials: options.credentials,
    ...(options.extraModelFactory ? { extraModelFactory: options.extraModelFactory } : {}),
    ...(options.modelOptions ? { modelOptions: options.modelOptions } : {}),
    onRetry: (participantId, attempt, delayMs, reason) =>
      logger.warn(`${participantId}: ${reason}; retry ${attempt} in ${delayMs} ms`),
  });

  const costEstimator = (settings: CouncilSettings): CostEstimator =>
    options.cost ?? createPriceTableCostEstimator(settings.priceOverrides ?? {});

  const specOf = (participantId: string): string => participantId.replace(/#\d+$/, '');

  /** Lifecycle / price notes for a run about to start, logged, and its budget with the unpriced cap. */
  async function notesFor(
    participants: Participant[],
    budget: ConsensusInput['budget'],
    settings: CouncilSettings,
  ) {
    const checked = await runStartNotes(participants, budget, {
      settings,
      credentials: options.credentials,
      catalog: options.modelCatalog ?? sharedModelCatalog,
      cost: costEstimator(settings),
      setting: options.participantsSetting ?? 'multiLlm.participants',
      now: clock.now(),
    });
    for (const note of checked.notes) logger.warn(note.message);
    return checked;
  }

  function trackHealth(event: RunEvent): void {
    if (event.type === 'call-finished') health.set(specOf(event.participantId), true);
    if (event.type === 'call-failed' && !event.willRepair) {
      health.set(specOf(event.participantId), false);
    }
  }

  function pickRunId(requested: string | undefined): string {
    if (requested !== undefined) {
      if (!isValidRunId(requested)) {
        throw new ConfigurationError(
          `Run id ${JSON.stringify(requested)} is not usable: letters, digits, '.', '_' and '-' only.`,
        );
      }
      if (registry.get(requested)) {
        throw new ConfigurationError(`A run with id ${requested} already exists.`);
      }
      return requested;
    }
    return newRunId(clock.now());
  }

  /** The run's transcript sink: adds the host facts to run-started, keeps order and seq. */
  function transcriptFor(run: LiveRun): TranscriptSink {
    return {
      append(runId: string, record: TranscriptRecord): Promise<void> {
        // The host is going away (a window reload, the MCP client left): its runs stop where
        // they are and read as interrupted, not as cancelled by the user.
        if (disposed) return Promise.resolve();
        let stored: TranscriptRecord = record;
        if (record.type === 'run-started') {
          run.sawRunStarted = true;
          stored = {
            ...record,
            settings: {
              ...record.settings,
              origin: run.origin,
              hostPid: process.pid,
              hostInstance: instance,
            },
          };
        }
        if (record.type === 'run-finished' && run.controller.signal.aborted) {
          stored = { ...record, cancelled: true } as TranscriptRecord;
        }
        run.lastSeq = Math.max(run.lastSeq, record.seq);
        const write = store.append(runId, stored);
        run.lastWrite = write.catch(() => {});
        return write;
      },
    };
  }

  async function appendOwn(run: LiveRun, event: Exclude<RunEvent, { type: 'token-delta' }>) {
    run.lastSeq += 1;
    const record = { ...event, seq: run.lastSeq } as TranscriptRecord;
    try {
      await transcriptFor(run).append(run.runId, record);
    } catch (error) {
      logger.error(`could not write the transcript of ${run.runId}: ${errorOf(error).message}`);
    }
  }

  /** Starts the engine in the background; the run always ends with a result. */
  function launch(
    run: LiveRun,
    input: ConsensusInput | VoteInput,
    participants: Participant[],
    settings: CouncilSettings,
    execute: (deps: EngineDependencies) => Promise<RunResult>,
  ): void {
    const deps: EngineDependencies = {
      participants,
      onEvent: (event) => {
        trackHealth(event);
        registry.emit(run, event);
      },
      transcript: transcriptFor(run),
      clock,
      cost: costEstimator(settings),
      signal: run.controller.signal,
    };
    const note = singleVendorNote(run.participants);
    logger.info(
      `run ${run.runId} (${run.protocol}, ${run.origin}) started with ${run.participants.map((p) => p.id).join(', ')}${note ? `; ${note}` : ''}`,
    );
    void (async () => {
      // Start on a later tick, so a caller that subscribes right after startConsensus()
      // resolves sees every event from run-started on.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      let result: RunResult;
      if (run.controller.signal.aborted) {
        result = await endWithoutEngine(run, input, { message: 'Cancelled before it started.' });
      } else {
        try {
          result = await execute(deps);
        } catch (error) {
          const failure = errorOf(error);
          logger.error(`run ${run.runId} failed: ${failure.message}`);
          result = await endWithoutEngine(run, input, failure);
        }
      }
      await run.lastWrite;
      registry.finish(run, result, clock.now());
      logger.info(
        `run ${run.runId} ended: ${registry.summary(run).outcome ?? run.tracker.status.state}`,
      );
    })();
  }

  /**
   * Ends a run the engine did not end itself (it threw, or the run was cancelled before it
   * started): the transcript still gets a run-started record and an end record.
   */
  async function endWithoutEngine(
    run: LiveRun,
    input: ConsensusInput | VoteInput,
    failure: { message: string; hint?: string },
  ): Promise<RunResult> {
    const at = clock.now();
    const cancelled = run.controller.signal.aborted;
    if (!run.sawRunStarted) {
      const started: RunEvent = {
        type: 'run-started',
        runId: run.runId,
        at: run.tracker.status.startedAt,
        protocol: run.protocol,
        participants: run.participants,
        input,
        settings: {},
      };
      registry.emit(run, started);
      await appendOwn(run, started);
    }
    const result = failedResult({
      runId: run.runId,
      protocol: run.protocol,
      input,
      participants: run.participants,
      error: failure,
      cancelled,
      startedAt: run.tracker.status.startedAt,
      finishedAt: at,
    });
    if (!run.sawEnd) {
      const end: RunEvent = cancelled
        ? { type: 'run-finished', runId: run.runId, at, protocol: run.protocol, result }
        : { type: 'run-failed', runId: run.runId, at, error: failure };
      registry.emit(run, end);
      await appendOwn(run, end);
    }
    return result;
  }

  function register(
    protocol: ProtocolName,
    runId: string,
    origin: RunOrigin,
    input: ConsensusInput | VoteInput,
    participants: Participant[],
    maxRounds?: number,
  ): LiveRun {
    return registry.create({
      runId,
      protocol,
      origin,
      title: runTitle(input),
      participants: participants.map(toParticipantInfo),
      startedAt: clock.now(),
      ...(maxRounds === undefined ? {} : { maxRounds }),
    });
  }

  function consensusInputOf(request: StartConsensusRequest, settings: CouncilSettings) {
    if (request.input.task.trim() === '') {
      throw new ConfigurationError('The task is empty; say what the council should do.');
    }
    return {
      ...request.input,
      maxRounds: request.input.maxRounds ?? settings.maxRounds,
      thresholds: { ...settings.thresholds, ...request.input.thresholds },
      ...((request.input.budget ?? settings.budget)
        ? { budget: request.input.budget ?? settings.budget }
        : {}),
    };
  }

  async function chooseJudge(
    requested: string | undefined,
    voters: Participant[],
    settings: CouncilSettings,
  ): Promise<Participant | undefined> {
    const context = resolveContext(settings);
    if (requested) {
      const [setting] = parseRequestedParticipants([requested]);
      const judge = await resolveParticipant(
        setting!,
        `${setting!.provider}:${setting!.model}`,
        context,
      );
      if (voters.some((voter) => voter.id === judge.id)) {
        throw new ConfigurationError(
          `The judge ${judge.id} is also a voter; pick a judge that is not among the voters.`,
        );
      }
      return judge;
    }
    const voterIds = new Set(voters.map((voter) => voter.id));
    const ids = participantIds(settings.participants);
    for (const [index, setting] of settings.participants.entries()) {
      const id = ids[index]!;
      if (voterIds.has(id)) continue;
      const status = await participantStatusOf(setting, id, context, health.get(id));
      if (status.available && status.recentlyHealthy !== false) {
        return resolveParticipant(setting, id, context);
      }
    }
    return undefined;
  }

  async function readStored(runId: string): Promise<TranscriptRecord[]> {
    if (!isValidRunId(runId)) return [];
    return store.read(runId);
  }

  function writerAlive(records: TranscriptRecord[]): boolean {
    const started = records.find((record) => record.type === 'run-started');
    return started?.type === 'run-started' && writerIsAlive(writerOf(started.settings));
  }

  const service: DisposableCouncilService = {
    async listParticipants(): Promise<ParticipantStatus[]> {
      const settings = options.settings();
      const context = resolveContext(settings);
      const ids = participantIds(settings.participants);
      const configured = await Promise.all(
        settings.participants.map((setting, index) =>
          participantStatusOf(setting, ids[index]!, context, health.get(ids[index]!)),
        ),
      );
      const extra = options.extraParticipants
        ? await options.extraParticipants().catch((error: unknown) => {
            logger.warn(`could not list the host's own models: ${errorOf(error).message}`);
            return [];
          })
        : [];
      const seen = new Set(configured.map((status) => status.id));
      return [
        ...configured,
        ...extra
          .filter((status) => !seen.has(status.id))
          .map((status) => {
            const healthy = health.get(status.id);
            return healthy === undefined ? status : { ...status, recentlyHealthy: healthy };
          }),
      ];
    },

    async findParticipantsForTask(task, requiredSkills) {
      const available = (await service.listParticipants()).filter((status) => status.available);
      const infos: ParticipantInfo[] = available.map(
        ({ available: _a, keyPresent: _k, reason: _r, recentlyHealthy: _h, ...info }) => info,
      );
      return ops.rankParticipantsForTask(task, requiredSkills, infos);
    },

    async estimate(request) {
      const settings = options.settings();
      const input = consensusInputOf(request, settings);
      const chosen = request.participants?.length
        ? parseRequestedParticipants(request.participants)
        : settings.participants;
      return ops.estimateRun(
        input,
        participantInfos(chosen, settings.personas),
        costEstimator(settings),
      );
    },

    async startConsensus(request) {
      const settings = options.settings();
      const input = consensusInputOf(request, settings);
      const participants = await selectParticipants(
        request.participants,
        resolveContext(settings),
        logger,
      );
      const runId = pickRunId(request.input.runId);
      const { notes, budget } = await notesFor(participants, input.budget, settings);
      const runInput: ConsensusInput = { ...input, runId, ...(budget ? { budget } : {}) };
      const run = register(
        'consensus',
        runId,
        request.origin,
        runInput,
        participants,
        input.maxRounds,
      );
      launch(run, runInput, participants, settings, (deps) => ops.runConsensus(runInput, deps));
      return { runId, ...(notes.length > 0 ? { warnings: notes } : {}) };
    },

    async startVote(request) {
      const settings = options.settings();
      if (request.input.question.trim() === '') {
        throw new ConfigurationError('The question is empty; say what the voters should answer.');
      }
      const participants = await selectParticipants(
        request.participants,
        resolveContext(settings),
        logger,
      );
      const judge = await chooseJudge(request.judge, participants, settings);
      const runId = pickRunId(request.input.runId);
      const { notes } = await notesFor(
        judge ? [...participants, judge] : participants,
        undefined,
        settings,
      );
      const runInput: VoteInput = { ...request.input, runId };
      const run = register('vote', runId, request.origin, runInput, participants);
      launch(run, runInput, participants, settings, (deps) =>
        ops.runVote(runInput, { ...deps, ...(judge ? { judge } : {}) }),
      );
      return { runId, ...(notes.length > 0 ? { warnings: notes } : {}) };
    },

    async runIteration(input, participants, signal) {
      const settings = options.settings();
      const resolved = await selectParticipants(participants, resolveContext(settings), logger);
      return ops.runIteration(input, {
        participants: resolved,
        clock,
        cost: costEstimator(settings),
        onEvent: trackHealth,
        ...(signal ? { signal } : {}),
      });
    },

    async getStatus(runId): Promise<TaskStatus | undefined> {
      const run = registry.get(runId);
      if (run) return registry.status(run);
      const records = await readStored(runId);
      return statusFromTranscript(runId, records, writerAlive(records));
    },

    async waitForResult(runId, signal) {
      const run = registry.get(runId);
      if (run) {
        if (!signal) return run.done;
        signal.throwIfAborted();
        return new Promise<RunResult>((resolve, reject) => {
          const onAbort = () => reject(signal.reason ?? new Error('Stopped waiting.'));
          signal.addEventListener('abort', onAbort, { once: true });
          run.done.then(
            (result) => {
              signal.removeEventListener('abort', onAbort);
              resolve(result);
            },
            (error: unknown) => {
              signal.removeEventListener('abort', onAbort);
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        });
      }
      const records = await readStored(runId);
      const result = resultFromTranscript(runId, records);
      if (result) return result;
      if (records.length === 0) throw new Error(`Unknown run id: ${runId}`);
      throw new Error(
        `Run ${runId} was interrupted before it finished (its process ended); it has no result. Its transcript is kept.`,
      );
    },

    async getResult(runId) {
      const run = registry.get(runId);
      if (run) return run.result;
      return resultFromTranscript(runId, await readStored(runId));
    },

    async cancel(runId) {
      const run = registry.get(runId);
      if (!run || run.result) return false;
      logger.info(`run ${runId} cancelled`);
      run.controller.abort();
      markCancelled(run.tracker, clock.now());
      return true;
    },

    subscribe: (runId, listener) => registry.subscribe(runId, listener),

    watchAllRuns: (listener) => registry.watchAll(listener),

    async listRuns(): Promise<RunSummary[]> {
      const stored = await store.list().catch((error: unknown) => {
        logger.warn(`could not list past runs: ${errorOf(error).message}`);
        return [] as RunSummary[];
      });
      const live = new Map(registry.all().map((run) => [run.runId, registry.summary(run)]));
      const merged = stored.map((summary) => {
        const fromRegistry = live.get(summary.runId);
        if (fromRegistry) {
          live.delete(summary.runId);
          return fromRegistry;
        }
        return summary;
      });
      return [...live.values(), ...merged].sort((a, b) => b.startedAt - a.startedAt);
    },

    readTranscript: (runId) => readStored(runId),

    dispose() {
      disposed = true;
      registry.dispose();
      unregisterWriterInstance(instance);
    },
  };
  return service;
}
