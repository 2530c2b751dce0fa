/**
 * A run cannot start because of how it was asked for or configured (unknown provider, missing
 * key, too few participants). The message says what is wrong, the hint what to set. The CLI
 * maps it to exit code 2; the MCP server to an isError result.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';

  constructor(
    message: string,
    readonly hint?: string,
    /** The same as data, for a host that says it in its own words (src/cli/configuration-error-text.ts). */
    readonly problem?: ConfigurationProblem,
  ) {
    super(message);
  }
}

/**
 * What is wrong, by kind. The names in it come from the user's own settings: a host puts them
 * into its sentence as data, never as the sentence.
 */
export type ConfigurationProblem =
  | { kind: 'unknown-provider'; provider: string; participant: string; known: string[] }
  | { kind: 'not-a-participant'; spec: string }
  | { kind: 'no-model'; provider: string }
  | { kind: 'no-api-key'; provider: string; participant: string }
  | { kind: 'too-few-participants'; minimum: number; configured: number }
  | { kind: 'url-credentials'; provider: string }
  | { kind: 'empty-task' }
  | { kind: 'empty-question' }
  | { kind: 'judge-is-voter'; judge: string };

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
