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
  ) {
    super(message);
  }
}

export function isConfigurationError(error: unknown): error is ConfigurationError {
  return error instanceof ConfigurationError;
}
