/**
 * The `logger` and `logLevel` client options of the vendor SDKs that take them (@anthropic-ai/sdk
 * and openai: ClientOptions in their client.d.ts). Without them an SDK logs to `console` at the
 * level of ANTHROPIC_LOG / OPENAI_LOG, and console.info / console.debug write to stdout, which
 * belongs to the MCP protocol or the CLI's --json output. With them the SDK's warnings and errors
 * go to the host (`onSdkWarning`, a warning with its cause) and its info and debug lines nowhere.
 */
import type { ModelAdapterSettings } from './model-adapter-settings';

type LogFn = (message: string, ...rest: unknown[]) => void;

export function sdkLoggerOptions(settings: Pick<ModelAdapterSettings, 'onSdkWarning'>): {
  logLevel: 'warn';
  logger: { error: LogFn; warn: LogFn; info: LogFn; debug: LogFn };
} {
  const forward: LogFn = (message) => settings.onSdkWarning?.(String(message));
  const drop: LogFn = () => {};
  return { logLevel: 'warn', logger: { error: forward, warn: forward, info: drop, debug: drop } };
}
