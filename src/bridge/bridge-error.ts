/** Errors across the bridge: flattened to a frame on one side, rebuilt on the other. */
import { ModelError, type ModelErrorKind } from '../core/model-error';
import type { BridgeError } from './bridge-frames';

export function toBridgeError(error: unknown): BridgeError {
  if (error instanceof Error) {
    const extra = error as Error & {
      hint?: unknown;
      kind?: unknown;
      provider?: unknown;
      modelId?: unknown;
    };
    return {
      message: error.message,
      ...(typeof extra.hint === 'string' ? { hint: extra.hint } : {}),
      ...(typeof extra.kind === 'string' ? { kind: extra.kind } : {}),
      ...(typeof extra.provider === 'string' ? { provider: extra.provider } : {}),
      ...(typeof extra.modelId === 'string' ? { modelId: extra.modelId } : {}),
    };
  }
  return { message: String(error) };
}

/** A ModelError when the frame says it was one (so the MCP tools describe it alike), else an Error. */
export function fromBridgeError(error: BridgeError): Error {
  if (error.kind !== undefined && error.provider !== undefined) {
    return new ModelError({
      kind: error.kind as ModelErrorKind,
      message: error.message,
      provider: error.provider,
      modelId: error.modelId,
      hint: error.hint,
    });
  }
  return Object.assign(new Error(error.message), error.hint ? { hint: error.hint } : {});
}

/** For a message over the limit: fails that one call, the connection stays up. */
export function tooLargeError(what: string, bytes: number, limit: number): BridgeError {
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  return {
    message: `${what} is ${mb(bytes)}, more than the bridge carries in one message (${mb(limit)}).`,
    hint: 'Ask for less at once: get_iteration_log pages a transcript (offset, limit).',
  };
}
