/**
 * The size an agent pays for on every request: the JSON of tools/list as an SDK Client receives
 * it from createServer (standalone, the default tool set or a profile). Measured the same way by
 * the footprint budget test (test/mcp/tools-list-size.test.ts) and the bench (toolsListChars).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createServer } from '../../../src/mcp/create-server';
import { FakeCouncil } from './fake-council';

export async function toolsListChars(tools?: string): Promise<{ chars: number; count: number }> {
  const server = createServer(new FakeCouncil(), {
    mode: 'standalone',
    ...(tools ? { tools } : {}),
  });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'footprint', version: '1.0.0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  try {
    const listed = await client.listTools();
    return { chars: JSON.stringify(listed).length, count: listed.tools.length };
  } finally {
    await client.close();
    await server.close();
  }
}
