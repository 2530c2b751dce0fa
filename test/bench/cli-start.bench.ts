/**
 * `mlo --version` from spawn to exit, next to a bare `node -e ""` measured in the same run (the
 * ratio is what to compare across machines), median of 7 each, interleaved. Only `serve`,
 * `agents` and `mcp` load their servers (src/cli/serve-command.ts), so the CLI starts with what
 * `run` and `vote` need.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { BenchModule } from './bench-module';

const ROOT = path.resolve(__dirname, '../..');

function timeOnce(args: string[]): number {
  const started = performance.now();
  const outcome = spawnSync(process.execPath, args, {
    stdio: 'ignore',
    env: { PATH: process.env.PATH ?? '' },
  });
  if (outcome.status !== 0) throw new Error(`node ${args.join(' ')} exited ${outcome.status}`);
  return performance.now() - started;
}

const median = (samples: number[]): number =>
  [...samples].sort((a, b) => a - b)[samples.length >> 1]!;

export const cliStartBench: BenchModule = {
  name: 'CLI start-up',
  async run() {
    const cli: number[] = [];
    const bare: number[] = [];
    for (let index = 0; index < 7; index++) {
      bare.push(timeOnce(['-e', '']));
      cli.push(timeOnce([path.join(ROOT, 'dist/cli.js'), '--version']));
    }
    const cliMs = median(cli);
    const nodeMs = median(bare);
    return {
      rows: [
        { name: 'mlo --version', values: { medianMs: cliMs.toFixed(0) } },
        { name: 'node -e ""', values: { medianMs: nodeMs.toFixed(0) } },
      ],
      fields: {
        cliStartMs: Math.round(cliMs),
        cliStartOverNodeRatio: Number((cliMs / nodeMs).toFixed(2)),
      },
    };
  },
};
