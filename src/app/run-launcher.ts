/**
 * Starting runs: a usable id, a registry entry, the engine started in the background with the
 * run's event fan-out and transcript, and an end that always comes with a result, also when
 * the engine throws or the run is cancelled before it starts.
 */
import type { ConsensusInput } from '../core/consensus-types';
import type { EngineDependencies } from '../core/engine-dependencies';
import type { Clock, CostEstimator } from '../core/host-services';
import { toParticipantInfo, type Participant } from '../core/participant';
import type { ProtocolName, RunFinishedEvent } from '../core/run-events';
import { isValidRunId, newRunId } from '../core/run-id';
import type { VoteInput } from '../core/vote-types';
import type { RunOrigin, RunResult } from '../shared/council-service';
import { ConfigurationError } from './configuration-error';
import { errorOf, failedResult } from './failed-result';
import type { ParticipantHealth } from './participant-health';
import { singleVendorNote } from './participant-policy';
import type { LiveRun, RunRegistry } from './run-registry';
import { markQueued } from './task-status';
import {
  appendHostRecord,
  runTranscriptSink,
  withHostFacts,
  type RunTranscriptHost,
} from './run-transcript';
import { runTitle } from './summarize-transcript';
import type { LimitFunction } from 'p-limit';
import {
  DEFAULT_MAX_CONCURRENT_MODEL_CALLS,
  modelCallLimit,
  withCallLimit,
} from './limit-model-calls';
import { RunAdmission } from './run-admission';

export interface RunLauncherHost extends RunTranscriptHost {
  registry: RunRegistry;
  clock: Clock;
  health: ParticipantHealth;
  /** Runs in flight per process, the queue and the session spend cap (run-admission.ts). */
  admission?: RunAdmission;
  /** Vendor calls in flight across all runs. */
  callLimit?: LimitFunction;
}

type RunInput = ConsensusInput | VoteInput;

export interface LaunchRequest<Input extends RunInput> {
  protocol: ProtocolName;
  origin: RunOrigin;
  /** The caller's id, if it chose one. */
  requestedRunId: string | undefined;
  input: Input;
  participants: Participant[];
  maxRounds?: number;
  cost: CostEstimator;
  /** Runs the engine on the input with the run's id. */
  execute(input: Input, deps: EngineDependencies): Promise<RunResult>;
}

export class RunLauncher {
  /** The transcript host, which also tells every viewer when a run's transcript fails. */
  private readonly transcriptHost: RunTranscriptHost;
  private readonly admission: RunAdmission;
  private readonly callLimit: LimitFunction;

  constructor(private readonly host: RunLauncherHost) {
    this.transcriptHost = {
      ...host,
      onTranscriptIncomplete: (run) =>
        host.registry.emit(run, {
          type: 'transcript-incomplete',
          runId: run.runId,
          at: host.clock.now(),
        }),
    };
    this.admission = host.admission ?? new RunAdmission();
    this.callLimit = host.callLimit ?? modelCallLimit(DEFAULT_MAX_CONCURRENT_MODEL_CALLS);
  }

  /** Registers the run and starts it on a later tick; resolves to its id at once. */
  launch<Input extends RunInput>(request: LaunchRequest<Input>): { runId: string } {
    const runId = this.claimRunId(request.requestedRunId);
    this.admission.admit();
    const input: Input = this.capSpend({ ...request.input, runId });
    const run = this.host.registry.create({
      runId,
      protocol: request.protocol,
      origin: request.origin,
      title: runTitle(input),
      participants: request.participants.map(toParticipantInfo),
      startedAt: this.host.clock.now(),
      ...(request.maxRounds === undefined ? {} : { maxRounds: request.maxRounds }),
    });
    const deps: EngineDependencies = {
      participants: withCallLimit(request.participants, this.callLimit),
      onEvent: (event) => {
        this.host.health.track(event);
        this.host.registry.emit(run, withHostFacts(event, run, this.host.instance));
      },
      transcript: runTranscriptSink(run, this.transcriptHost),
      clock: this.host.clock,
      cost: request.cost,
      signal: run.controller.signal,
      finishEarly: run.finishEarly.signal,
    };
    const note = singleVendorNote(run.participants);
    this.host.logger.info(
      `run ${run.runId} (${run.protocol}, ${run.origin}) started with ${run.participants.map((p) => p.id).join(', ')}${note ? `; ${note}` : ''}`,
    );
    void this.runInBackground(run, input, () => request.execute(input, deps));
    return { runId };
  }

  /** Under a session spend cap, a consensus run may spend at most what the session has left. */
  private capSpend<Input extends RunInput>(input: Input): Input {
    const left = this.admission.remainingUsd();
    if (left === undefined || !('outputKind' in input)) return input;
    const own = input.budget?.maxCostUsd;
    return { ...input, budget: { ...input.budget, maxCostUsd: Math.min(own ?? left, left) } };
  }

  /** The caller's id when it is a usable, unused file name; else a fresh one. */
  claimRunId(requested: string | undefined): string {
    if (requested === undefined) return newRunId(this.host.clock);
    if (!isValidRunId(requested)) {
      throw new ConfigurationError(
        `Run id ${JSON.stringify(requested)} is not usable: letters, digits, '.', '_' and '-' only.`,
      );
    }
    if (this.host.registry.get(requested)) {
      throw new ConfigurationError(`A run with id ${requested} already exists.`);
    }
    return requested;
  }

  private async runInBackground(
    run: LiveRun,
    input: RunInput,
    execute: () => Promise<RunResult>,
  ): Promise<void> {
    const { registry, clock, logger } = this.host;
    // Start on a later tick, so a caller that subscribes right after startConsensus()
    // resolves sees every event from run-started on.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const release = await this.admission.slot(run.controller.signal, (ahead) =>
      markQueued(run.tracker, ahead, clock.now()),
    );
    let result: RunResult;
    if (run.controller.signal.aborted) {
      result = await this.endWithoutEngine(run, input, { message: 'Cancelled before it started.' });
    } else {
      try {
        result = await execute();
      } catch (error) {
        const failure = errorOf(error);
        logger.error(`run ${run.runId} failed: ${failure.message}`);
        result = await this.endWithoutEngine(run, input, failure);
      }
    }
    release();
    this.admission.record(result.cost?.costUsd);
    await run.lastWrite;
    if (run.transcriptIncomplete) result = { ...result, transcriptIncomplete: true };
    registry.finish(run, result, clock.now());
    logger.info(
      `run ${run.runId} ended: ${registry.summary(run).outcome ?? run.tracker.status.state}`,
    );
  }

  /**
   * Ends a run the engine did not end itself (it threw, or the run was cancelled before it
   * started): the transcript still gets a run-started record and an end record.
   */
  private async endWithoutEngine(
    run: LiveRun,
    input: RunInput,
    failure: { message: string; hint?: string },
  ): Promise<RunResult> {
    const at = this.host.clock.now();
    const cancelled = run.controller.signal.aborted;
    if (!run.sawRunStarted) {
      // No engine settings: the engine never resolved them.
      const started = withHostFacts(
        {
          type: 'run-started',
          runId: run.runId,
          at: run.tracker.status.startedAt,
          protocol: run.protocol,
          participants: run.participants,
          input,
        },
        run,
        this.host.instance,
      );
      this.host.registry.emit(run, started);
      await appendHostRecord(run, started, this.transcriptHost);
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
      // The one end of every run (a failure is in its result); broadcast once it is filed.
      const end: RunFinishedEvent = {
        type: 'run-finished',
        runId: run.runId,
        at,
        protocol: run.protocol,
        result,
      };
      this.host.registry.emit(run, end);
      await appendHostRecord(run, end, this.transcriptHost);
    }
    return result;
  }
}
