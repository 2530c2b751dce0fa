/**
 * Messages from the panel to the extension host. The host parses every inbound message with
 * `parseWebviewMessage`; anything unknown or malformed is rejected and logged (issue 4, #5).
 */
import { z } from 'zod';

const runId = z.string().min(1).max(100);

export const webviewToHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z
    .object({
      type: z.literal('start-run'),
      task: z.string().min(1).max(100_000),
      outputKind: z.enum(['code', 'text']),
      /** Use the current editor selection as context. */
      useSelection: z.boolean(),
    })
    .strict(),
  /** "Try with simulated participants": the scripted demo council, no key needed. */
  z.object({ type: z.literal('try-simulated') }).strict(),
  z.object({ type: z.literal('cancel-run'), runId }).strict(),
  /** Stop the run now with the best proposal so far (status provisional). */
  z.object({ type: z.literal('finish-early'), runId }).strict(),
  z.object({ type: z.literal('open-run'), runId }).strict(),
  z.object({ type: z.literal('rerun'), runId }).strict(),
  z.object({ type: z.literal('export-run'), runId, format: z.enum(['json', 'markdown']) }).strict(),
  z.object({ type: z.literal('apply-result'), runId }).strict(),
  z.object({ type: z.literal('copy-result'), runId }).strict(),
  /** A run that did not agree (cancelled, failed, over budget): its draft, opened unreviewed. */
  z.object({ type: z.literal('open-draft'), runId }).strict(),
  z.object({ type: z.literal('discard-result'), runId }).strict(),
  z.object({ type: z.literal('show-diff'), runId }).strict(),
  z.object({ type: z.literal('set-api-key'), provider: z.string().min(1).max(100) }).strict(),
  z.object({ type: z.literal('open-settings') }).strict(),
  z.object({ type: z.literal('show-history') }).strict(),
  /** "Open Debate in Editor": the same run in a wide editor-area panel. */
  z.object({ type: z.literal('open-in-editor') }).strict(),
]);

export type WebviewToHostMessage = z.infer<typeof webviewToHostSchema>;

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string };

export function parseWebviewMessage(raw: unknown): ParseResult<WebviewToHostMessage> {
  const parsed = webviewToHostSchema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data };
  return { ok: false, error: z.prettifyError(parsed.error) };
}
