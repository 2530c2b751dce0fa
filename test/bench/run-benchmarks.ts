/**
 * `npm run bench`: runs every benchmark module, prints a readable table per module, and as the
 * LAST line one JSON object with every module's fields (engineOverheadRatio among them).
 * To add a measurement, write test/bench/<name>.bench.ts exporting a BenchModule and list it here.
 */
import type { BenchModule } from './bench-module';
import { consensusOverheadBench } from './consensus-overhead.bench';
import { panelBench } from './panel.bench';
import { mcpColdStartBench } from './mcp-cold-start.bench';
import { cliStartBench } from './cli-start.bench';
import { bundlesBench } from './bundles.bench';
import { activationBench } from './activation.bench';
import { speedBench } from './speed.bench';
import { teamLoadBench } from './team-load.bench';

const MODULES: BenchModule[] = [
  consensusOverheadBench,
  speedBench,
  panelBench,
  mcpColdStartBench,
  cliStartBench,
  bundlesBench,
  activationBench,
  teamLoadBench,
];

function table(rows: { name: string; values: Record<string, string | number> }[]): string {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))];
  const header = ['', ...columns];
  const body = rows.map((row) => [row.name, ...columns.map((c) => String(row.values[c] ?? ''))]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}

async function main(): Promise<void> {
  const fields: Record<string, number | string | boolean> = {};
  for (const module of MODULES) {
    const outcome = await module.run();
    console.log(`\n## ${module.name}\n`);
    console.log(table(outcome.rows));
    Object.assign(fields, outcome.fields);
  }
  console.log('');
  console.log(JSON.stringify(fields));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
