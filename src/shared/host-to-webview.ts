/**
 * Messages from the extension host to the panel. The host owns the state: on `ready` (and
 * whenever the view is re-created) it sends a full `snapshot`; after that, `run-event`s for the
 * active run and `snapshot`s when anything else changes. The panel parses every message.
 */
import { z } from 'zod';
import type { RunEvent } from '../core/run-events';
import type { ProviderReadiness } from './provider-status';
import type { RunSummary } from './council-service';

export type ApplyState = 'pending' | 'applied' | 'discarded' | 'stale' | 'not-applicable';

export interface ActiveRunSnapshot {
  runId: string;
  /** Every event so far, token deltas compacted to one per call in flight. */
  events: RunEvent[];
  applyState: ApplyState;
  /** Shown when the product replaces a selection: "src/app.ts:12-40". */
  target?: string;
}

export interface PanelSnapshot {
  /** Increases with every snapshot; the panel ignores older ones. */
  version: number;
  locale: string;
  providers: ProviderReadiness[];
  history: RunSummary[];
  activeRun?: ActiveRunSnapshot;
  defaults: { maxRounds: number; participants: string[] };
  /** Present when the panel should show a one-off notice (e.g. "Applied", "The document changed"). */
  notice?: { kind: 'info' | 'warning' | 'error'; text: string };
}

export type HostToWebviewMessage =
  | { type: 'snapshot'; snapshot: PanelSnapshot }
  | { type: 'run-event'; runId: string; event: RunEvent };

/** Shallow but strict structural check; event bodies come from our own engine. */
const eventShape = z.looseObject({ type: z.string(), runId: z.string(), at: z.number() });

export const hostToWebviewSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('snapshot'),
    snapshot: z.looseObject({
      version: z.number().int().nonnegative(),
      locale: z.string(),
      providers: z.array(z.looseObject({ provider: z.string(), keyPresent: z.boolean() })),
      history: z.array(z.looseObject({ runId: z.string() })),
      activeRun: z
        .looseObject({ runId: z.string(), events: z.array(eventShape), applyState: z.string() })
        .optional(),
      defaults: z.looseObject({ maxRounds: z.number() }),
    }),
  }),
  z.object({ type: z.literal('run-event'), runId: z.string(), event: eventShape }),
]);

export function parseHostMessage(raw: unknown): HostToWebviewMessage | undefined {
  const parsed = hostToWebviewSchema.safeParse(raw);
  return parsed.success ? (raw as HostToWebviewMessage) : undefined;
}
