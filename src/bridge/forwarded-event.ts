/**
 * What of a run event crosses the bridge. The server process reports progress and never shows
 * a prompt, so a call's prompt is cut to a short preview here: a large selection sent to three
 * models in every phase would otherwise cross the socket again with every call. The host's own
 * listeners (panel, transcript) still get the full event.
 */
import type { RunEvent } from '../core/run-events';

export const FORWARDED_PROMPT_CHARS = 2_000;

function preview(text: string): string {
  if (text.length <= FORWARDED_PROMPT_CHARS) return text;
  const rest = text.length - FORWARDED_PROMPT_CHARS;
  return `${text.slice(0, FORWARDED_PROMPT_CHARS)}… [${rest} more characters are in the transcript]`;
}

export function forwardedEvent(event: RunEvent): RunEvent {
  if (event.type !== 'call-started') return event;
  return {
    ...event,
    system: preview(event.system),
    messages: event.messages.map((message) => ({ ...message, content: preview(message.content) })),
  };
}
