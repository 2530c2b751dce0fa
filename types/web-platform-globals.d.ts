/**
 * The few web-platform globals the pure layers (src/core, src/shared) use, as every host has
 * them (Node 20+, browsers, the extension host). Declared here rather than through the DOM or
 * Node type libraries so that nothing else of those platforms is visible to those layers
 * (tsconfig.core.json, tsconfig.shared.json). Other tsconfigs get the full platform types.
 */
interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  throwIfAborted(): void;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

declare const AbortSignal: {
  prototype: AbortSignal;
  any(signals: AbortSignal[]): AbortSignal;
};

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

declare const AbortController: {
  prototype: AbortController;
  new (): AbortController;
};
