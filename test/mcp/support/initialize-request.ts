/** The JSON-RPC `initialize` request a client sends first, for tests that write raw stdio. */
export function initializeRequest(id: number, clientName: string): object {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: clientName, version: '1' },
    },
  };
}
