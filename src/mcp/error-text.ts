/** A model error for a tool result: the message, then its hint unless the message already says it. */
export function errorText(error: { message: string; hint?: string }): string {
  const hint = error.hint?.trim();
  return hint && !error.message.includes(hint) ? `${error.message} — ${hint}` : error.message;
}
