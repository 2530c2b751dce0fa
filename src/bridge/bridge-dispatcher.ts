/**
 * The host's side of the protocol table: a `call` frame's arguments are checked against the
 * method's entry in bridge-protocol.ts, the host's rules for it applied, and the service method
 * called with the host's own AbortSignal where the operation takes one.
 */
import type { CouncilService } from '../shared/council-service';
import { operationOf, type BridgeMethod } from './bridge-protocol';

export class BridgeArgumentError extends Error {
  constructor(method: BridgeMethod, detail: string) {
    super(`Bad arguments for ${method}: ${detail}`);
    this.name = 'BridgeArgumentError';
  }
}

export function dispatchBridgeCall(
  council: CouncilService,
  method: BridgeMethod,
  args: unknown[],
  signal: AbortSignal,
): Promise<unknown> {
  const operation = operationOf(method);
  const parsed = operation.request.safeParse(args);
  if (!parsed.success) return Promise.reject(new BridgeArgumentError(method, parsed.error.message));
  const wire = (operation.onHost ? operation.onHost(parsed.data) : parsed.data) as unknown[];
  const callArgs =
    operation.signalAt === undefined
      ? wire
      : [...Array.from({ length: operation.signalAt }, (_, i) => wire[i]), signal];
  // The table ties each method to its argument tuple, so this one call site needs no cast per method.
  const target = council[method] as (...values: unknown[]) => Promise<unknown>;
  return target.apply(council, callArgs);
}
