/**
 * The one home of run ids: the engine, the run services and the extension all name runs here.
 * An id sorts by start time and is safe as a file name (`<runId>.jsonl`).
 */
import { systemClock, type Clock } from './host-services';

const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Eight hex digits from the platform's CSPRNG (Node 20+ and browsers both have one). */
function randomHex(): string {
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (crypto?.randomUUID) return crypto.randomUUID().slice(0, 8);
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, '0');
}

/** `run-20261201T210500Z-1a2b3c4d`: the clock's time in UTC to the second, then 8 random hex. */
export function newRunId(clock: Clock = systemClock, random: () => string = randomHex): string {
  const stamp = new Date(clock.now())
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `run-${stamp}-${random()}`;
}

/** A caller-chosen id is usable when it is a plain file name: no separators, no `..`. */
export function isValidRunId(runId: string): boolean {
  return RUN_ID_PATTERN.test(runId) && !runId.includes('..');
}
