/** An SDK Client connected in-process to createServer(council) (no build, no child process). */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../../../src/mcp/create-server';
import type { CouncilService } from '../../../src/shared/council-service';

export async function connectInMemory(
  council: CouncilService,
  capabilities: ClientCapabilities = {},
): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createServer(council, { mode: 'standalone' });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test-client', version: '1.0.0' }, { capabilities });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
