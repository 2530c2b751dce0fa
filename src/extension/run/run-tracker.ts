/**
 * The host's state of runs, which the panel, the status bar, the progress notifications and the
 * apply commands read: which run the panel shows, each live run's events so far, what a code run
 * replaces, and whether its result was applied. The webview never owns any of it (docs/ARCHITECTURE.md, "The event flow").
 */
import * as vscode from 'vscode';
import type { RunEvent } from '../../core/run-events';
import type { ConsensusResult } from '../../core/consensus-types';
import type { CouncilService } from '../../shared/council-service';
import type { ApplyState } from '../../shared/host-to-webview';
import { RunEventBuffer } from '../panel/run-event-buffer';
import { debateRoundOf } from '../../shared/run-view-state';
import type { SelectionTarget } from './selection-target';

/** Live buffers kept for finished runs so reopening the panel does not re-read the transcript. */
const KEPT_BUFFERS = 8;
/** Selection targets kept across reloads (workspaceState), so Apply and Re-run still know them. */
const KEPT_TARGETS = 30;
const TARGETS_KEY = 'multiLlm.selectionTargets';
const APPLY_STATES_KEY = 'multiLlm.applyStates';

export interface RunNotice {
  kind: 'info' | 'warning' | 'error';
  text: string;
}

export class RunTracker implements vscode.Disposable {
  private readonly buffers = new Map<string, RunEventBuffer>();
  private readonly targets = new Map<string, SelectionTarget>();
  private readonly applyStates = new Map<string, ApplyState>();
  /** Runs of this session that ended with a product (what Apply could write). */
  private readonly withProduct = new Set<string>();
  private readonly running = new Map<string, { phase?: string; round?: number }>();
  /** The last scored debate round per running run (closing phases count as that round). */
  private readonly scoredRounds = new Map<string, number>();
  private readonly eventEmitter = new vscode.EventEmitter<RunEvent>();
  private readonly stateEmitter = new vscode.EventEmitter<void>();
  private readonly unwatch: () => void;
  private active: string | undefined;
  private pendingNotice: RunNotice | undefined;

  /** Every event of every run, after the tracker has recorded it. */
  readonly onEvent = this.eventEmitter.event;
  /** The active run, a run's apply state, the set of running runs or the history changed. */
  readonly onStateChange = this.stateEmitter.event;

  constructor(
    council: CouncilService,
    private readonly workspaceState?: vscode.Memento,
  ) {
    const stored = workspaceState?.get<[string, SelectionTarget][]>(TARGETS_KEY);
    if (Array.isArray(stored)) {
      for (const entry of stored) {
        if (Array.isArray(entry) && typeof entry[0] === 'string' && isTarget(entry[1])) {
          this.targets.set(entry[0], entry[1]);
        }
      }
    }
    const states = workspaceState?.get<[string, ApplyState][]>(APPLY_STATES_KEY);
    if (Array.isArray(states)) {
      for (const entry of states) {
        if (Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string') {
          this.applyStates.set(entry[0], entry[1]);
        }
      }
    }
    this.unwatch = council.watchAllRuns((event) => this.record(event));
  }

  get activeRunId(): string | undefined {
    return this.active;
  }

  /** Runs in flight with their latest phase and round. */
  get runningRuns(): ReadonlyMap<string, { phase?: string; round?: number }> {
    return this.running;
  }

  setActiveRun(runId: string): void {
    this.active = runId;
    this.changed();
  }

  registerTarget(runId: string, target: SelectionTarget): void {
    this.targets.set(runId, target);
    const kept = [...this.targets].slice(-KEPT_TARGETS);
    void this.workspaceState?.update(TARGETS_KEY, kept);
    this.changed();
  }

  targetOf(runId: string): SelectionTarget | undefined {
    return this.targets.get(runId);
  }

  liveEvents(runId: string): RunEvent[] | undefined {
    return this.buffers.get(runId)?.snapshot();
  }

  applyStateOf(runId: string, result?: ConsensusResult): ApplyState {
    const explicit = this.applyStates.get(runId);
    if (explicit) return explicit;
    if (!this.targets.has(runId)) return 'not-applicable';
    if (result && result.product === undefined) return 'not-applicable';
    return 'pending';
  }

  setApplyState(runId: string, state: ApplyState, notice?: RunNotice): void {
    this.applyStates.set(runId, state);
    void this.workspaceState?.update(APPLY_STATES_KEY, [...this.applyStates].slice(-KEPT_TARGETS));
    if (notice) this.pendingNotice = notice;
    this.changed();
  }

  notify(notice: RunNotice): void {
    this.pendingNotice = notice;
    this.changed();
  }

  /** The one-off notice for the next snapshot. */
  takeNotice(): RunNotice | undefined {
    const notice = this.pendingNotice;
    this.pendingNotice = undefined;
    return notice;
  }

  /** Whether the active run has a code result waiting to be applied (drives `multiLlm.hasResult`). */
  get activeResultPending(): boolean {
    const runId = this.active;
    if (!runId || this.running.has(runId)) return false;
    return (
      this.withProduct.has(runId) &&
      this.targets.has(runId) &&
      this.applyStateOf(runId) === 'pending'
    );
  }

  private record(event: RunEvent): void {
    let stateChanged = false;
    let buffer = this.buffers.get(event.runId);
    if (!buffer) {
      buffer = new RunEventBuffer(event.runId);
      this.buffers.set(event.runId, buffer);
      this.forgetOldBuffers();
    }
    buffer.push(event);
    if (event.type === 'run-started') {
      this.running.set(event.runId, {});
      // The newest run takes the panel, whoever started it (command, panel or MCP).
      this.active = event.runId;
      stateChanged = true;
    } else if (event.type === 'phase-started') {
      const scored = this.scoredRounds.get(event.runId) ?? 0;
      this.running.set(event.runId, {
        phase: event.phase,
        round: debateRoundOf(event.phase, event.round, scored),
      });
    } else if (event.type === 'round-scored') {
      this.scoredRounds.set(event.runId, event.signals.round);
    } else if (event.type === 'run-finished') {
      // The one end of every run; the service filed its result before broadcasting it, so the
      // history read on this change already has the run's state and outcome.
      this.running.delete(event.runId);
      this.scoredRounds.delete(event.runId);
      if ('product' in event.result && event.result.product) this.withProduct.add(event.runId);
      stateChanged = true;
    }
    this.eventEmitter.fire(event);
    if (stateChanged) this.changed();
  }

  private forgetOldBuffers(): void {
    if (this.buffers.size <= KEPT_BUFFERS) return;
    for (const [runId, buffer] of this.buffers) {
      if (this.buffers.size <= KEPT_BUFFERS) return;
      if (buffer.finished && runId !== this.active) this.buffers.delete(runId);
    }
  }

  private changed(): void {
    void vscode.commands.executeCommand('setContext', 'multiLlm.running', this.running.size > 0);
    void vscode.commands.executeCommand(
      'setContext',
      'multiLlm.hasResult',
      this.activeResultPending,
    );
    this.stateEmitter.fire();
  }

  dispose(): void {
    this.unwatch();
    this.eventEmitter.dispose();
    this.stateEmitter.dispose();
  }
}

function isTarget(value: unknown): value is SelectionTarget {
  const target = value as Partial<SelectionTarget> | undefined;
  return (
    typeof target === 'object' &&
    target !== null &&
    typeof target.uri === 'string' &&
    typeof target.text === 'string' &&
    typeof target.version === 'number' &&
    typeof target.startOffset === 'number' &&
    typeof target.label === 'string' &&
    typeof target.path === 'string'
  );
}
