/**
 * Whether the writer of an unfinished transcript is still running it. Each council service
 * instance has an id recorded in its runs' run-started records next to the process id: a run
 * whose process is gone, or whose service in this process was disposed (a window reload, a
 * restart in tests), was interrupted.
 */
import { randomBytes } from 'node:crypto';
import type { RunHost, RunStartedEvent } from '../core/run-events';

export interface RunWriter {
  pid?: number;
  instance?: string;
}

const liveInstances = new Set<string>();

export function registerWriterInstance(): string {
  const instance = randomBytes(6).toString('hex');
  liveInstances.add(instance);
  return instance;
}

export function unregisterWriterInstance(instance: string): void {
  liveInstances.delete(instance);
}

/** Whether a process with this id exists (also one of another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function writerIsAlive(writer: RunWriter): boolean {
  if (writer.pid === undefined) return false;
  if (writer.pid === process.pid) {
    return writer.instance !== undefined && liveInstances.has(writer.instance);
  }
  return processExists(writer.pid);
}

export function writerOf(started: RunStartedEvent): RunWriter {
  const host = hostOf(started);
  return {
    ...(host.pid === undefined ? {} : { pid: host.pid }),
    ...(host.instance === undefined ? {} : { instance: host.instance }),
  };
}

/**
 * The host facts of a run-started record: its `host` field, or, in a transcript written before
 * that field existed, the `origin`, `hostPid` and `hostInstance` its settings carried then.
 */
export function hostOf(started: RunStartedEvent): Partial<RunHost> {
  if (started.host) return started.host;
  const legacy: Record<string, unknown> = { ...started.settings };
  const { origin, hostPid, hostInstance } = legacy;
  return {
    ...(typeof origin === 'string' ? { origin: origin as RunHost['origin'] } : {}),
    ...(typeof hostPid === 'number' ? { pid: hostPid } : {}),
    ...(typeof hostInstance === 'string' ? { instance: hostInstance } : {}),
  };
}
