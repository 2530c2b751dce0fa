/**
 * The server process's side of the protocol table: a CouncilService whose request/response
 * operations are generated from bridge-protocol.ts. Each call sends its arguments (without the
 * AbortSignal, which becomes an `abort` frame) and checks the answer against the table.
 */
import type { CouncilService } from '../shared/council-service';
import { BRIDGE_METHODS, operationOf, type BridgeMethod } from './bridge-protocol';

export type BridgedOperations = Pick<CouncilService, BridgeMethod>;

export type SendCall = (
  method: BridgeMethod,
  args: unknown[],
  signal: AbortSignal | undefined,
) => Promise<unknown>;

export function createBridgeProxy(send: SendCall): BridgedOperations {
  const proxy: Partial<Record<BridgeMethod, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of BRIDGE_METHODS) {
    const operation = operationOf(method);
    proxy[method] = async (...args: unknown[]) => {
      const at = operation.signalAt;
      const signal = at === undefined ? undefined : (args[at] as AbortSignal | undefined);
      const wire = at === undefined ? [...args] : args.slice(0, at);
      // Drop undefined trailing arguments so the host's tuple check sees what was meant.
      while (wire.length > 0 && wire[wire.length - 1] === undefined) wire.pop();
      const answer = operation.response.safeParse(await send(method, wire, signal));
      if (!answer.success) {
        throw new Error(`The editor answered ${method} with an unexpected shape.`);
      }
      return answer.data;
    };
  }
  // Every BridgeMethod has an entry (the loop runs over the table's keys).
  return proxy as BridgedOperations;
}
