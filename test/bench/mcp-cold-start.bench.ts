/** Spawn of `node dist/mcp-server.js` to its initialize response (issue 7: ≤ 300 ms), median of 5. */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchModule } from './bench-module';

const ROOT = path.resolve(__dirname, '../..');

function coldStartOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/mcp-server.js')], {
      env: {
        PATH: process.env.PATH ?? '',
        MLO_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'mlo-bench-')),
        OPENAI_API_KEY: 'bench',
        ANTHROPIC_API_KEY: 'bench',
      },
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      if (buffer.includes('"id":1')) {
        const elapsed = performance.now() - started;
        child.kill();
        resolve(elapsed);
      }
    });
    child.on('error', reject);
    child.stdin.write(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'bench', version: '1' },
        },
      }) + '\n',
    );
  });
}

export const mcpColdStartBench: BenchModule = {
  name: 'MCP server cold start',
  async run() {
    const samples: number[] = [];
    for (let index = 0; index < 5; index++) samples.push(await coldStartOnce());
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[2]!;
    return {
      rows: [
        {
          name: 'spawn → initialize response',
          values: {
            medianMs: median.toFixed(0),
            minMs: sorted[0]!.toFixed(0),
            maxMs: sorted[4]!.toFixed(0),
          },
        },
      ],
      fields: { mcpColdStartMs: Math.round(median) },
    };
  },
};
