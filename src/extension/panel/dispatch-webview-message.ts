/**
 * Every message from the panel goes through here: parsed with the shared zod schema, and
 * anything unknown or malformed is rejected and logged, never acted on (issue 4, acceptance 5).
 * Pure (no vscode) so that rule is unit-tested.
 */
import { parseWebviewMessage, type WebviewToHostMessage } from '../../shared/webview-to-host';

export type WebviewMessageHandlers = {
  [K in WebviewToHostMessage['type']]: (
    message: Extract<WebviewToHostMessage, { type: K }>,
  ) => Promise<void> | void;
};

export interface WarnLogger {
  warn(message: string): void;
  error(message: string): void;
}

export type DispatchOutcome = 'handled' | 'rejected' | 'failed';

/** Logged text never contains the message body: it is untrusted and could be large. */
export async function dispatchWebviewMessage(
  raw: unknown,
  handlers: WebviewMessageHandlers,
  log: WarnLogger,
): Promise<DispatchOutcome> {
  const parsed = parseWebviewMessage(raw);
  if (!parsed.ok) {
    const type =
      typeof raw === 'object' &&
      raw !== null &&
      typeof (raw as { type?: unknown }).type === 'string'
        ? JSON.stringify((raw as { type: string }).type.slice(0, 40))
        : typeof raw;
    log.warn(`panel message rejected (type ${type}): ${parsed.error.slice(0, 500)}`);
    return 'rejected';
  }
  const message = parsed.message;
  const handler = handlers[message.type] as (m: WebviewToHostMessage) => Promise<void> | void;
  try {
    await handler(message);
    return 'handled';
  } catch (error) {
    log.error(
      `panel message ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 'failed';
  }
}
