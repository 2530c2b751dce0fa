/**
 * Structured lifecycle logs: one JSON object per line on stderr (task and agent events, tool
 * calls). Callers pass ids and names only; keys and REDIS_URL never reach a log line, and free
 * text (task descriptions, results, errors from agents) is left out on purpose.
 */
export type TeamLogFields = Record<string, string | number | boolean | null | undefined>;

export interface TeamLog {
  event(event: string, fields?: TeamLogFields): void;
}

export function stderrTeamLog(
  instance: string,
  write = (line: string) => process.stderr.write(line),
): TeamLog {
  return {
    event(event, fields = {}) {
      write(`${JSON.stringify({ time: new Date().toISOString(), instance, event, ...fields })}\n`);
    },
  };
}
