/**
 * The import rule (.dependency-cruiser.mjs) and the per-layer tsconfigs must keep refusing the
 * imports and platform globals each layer may not have. Each probe is written once into its
 * layer, checked, and removed; allowed probes prove the check itself can pass.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';

const root = resolve(__dirname, '../..');
const run = promisify(execFile);

interface Probe {
  /** The folder the probe file is written into, relative to the repository. */
  folder: string;
  code: string;
  allowed: boolean;
}

const importProbes: Probe[] = [
  { folder: 'src/core', code: "import '../app/logger';", allowed: false },
  { folder: 'src/core', code: "import '../cli/cli-io';", allowed: false },
  { folder: 'src/core', code: "import 'node:crypto';", allowed: false },
  { folder: 'src/core', code: "import type {} from 'vscode';", allowed: false },
  { folder: 'src/core', code: "import 'openai';", allowed: false },
  { folder: 'src/core', code: "import '@modelcontextprotocol/sdk/types.js';", allowed: false },
  { folder: 'src/core', code: "import 'zod';", allowed: true },
  { folder: 'src/providers', code: "import '../app/logger';", allowed: false },
  { folder: 'src/providers/openai', code: "import '../../app/logger';", allowed: false },
  { folder: 'src/providers/common', code: "import 'openai';", allowed: false },
  { folder: 'src/providers/anthropic', code: "import 'openai';", allowed: false },
  { folder: 'src/providers/anthropic', code: "import '@anthropic-ai/sdk';", allowed: true },
  { folder: 'src/shared', code: "import '../app/logger';", allowed: false },
  { folder: 'src/shared', code: "import 'node:fs';", allowed: false },
  { folder: 'src/app', code: "import type {} from 'vscode';", allowed: false },
  { folder: 'src/app', code: "import '../mcp/tool-result';", allowed: false },
  { folder: 'src/mcp', code: "import '../cli/cli-io';", allowed: false },
  { folder: 'src/mcp', code: "import type {} from 'vscode';", allowed: false },
  { folder: 'webview', code: "import '../src/app/logger';", allowed: false },
  { folder: 'webview', code: "import '../src/cli/cli-io';", allowed: false },
  { folder: 'webview', code: "import '../src/core/run-id';", allowed: false },
  { folder: 'webview', code: "import 'node:path';", allowed: false },
  { folder: 'webview', code: "import 'dompurify';", allowed: true },
];

const typeProbes: { config: string; folder: string; code: string; allowed: boolean }[] = [
  {
    config: 'tsconfig.core.json',
    folder: 'src/core',
    code: 'export const p = process.pid;',
    allowed: false,
  },
  {
    config: 'tsconfig.core.json',
    folder: 'src/core',
    code: 'export const t = document.title;',
    allowed: false,
  },
  {
    config: 'tsconfig.core.json',
    folder: 'src/core',
    code: 'export const b = Buffer.from("x");',
    allowed: false,
  },
  {
    config: 'tsconfig.core.json',
    folder: 'src/core',
    code: 'export const a = new AbortController();',
    allowed: true,
  },
  {
    config: 'tsconfig.shared.json',
    folder: 'src/shared',
    code: 'export const w = window.name;',
    allowed: false,
  },
  {
    config: 'tsconfig.shared.json',
    folder: 'src/shared',
    code: 'export const d = __dirname;',
    allowed: false,
  },
  {
    config: 'tsconfig.webview.json',
    folder: 'webview',
    code: 'export const e = process.env;',
    allowed: false,
  },
  {
    config: 'tsconfig.webview.json',
    folder: 'webview',
    code: 'export const t = document.title;',
    allowed: true,
  },
  {
    config: 'tsconfig.node.json',
    folder: 'src/app',
    code: 'export const t = document.title;',
    allowed: false,
  },
];

function writeProbes(probes: { folder: string; code: string }[], kind: string): string[] {
  return probes.map((probe, index) => {
    const file = join(probe.folder, `${kind}-probe-${index}.ts`);
    writeFileSync(join(root, file), `${probe.code}\nexport {};\n`);
    return file;
  });
}

function removeProbes(files: string[]): void {
  for (const file of files) rmSync(join(root, file), { force: true });
}

interface CruiseViolation {
  from: string;
  to: string;
}

describe('the import rule', function () {
  this.timeout(180_000);

  it('refuses, layer by layer, each import the layer may not have (and allows its own)', async () => {
    const files = writeProbes(importProbes, 'import-rule');
    try {
      const { stdout } = await run(
        'npx',
        [
          'depcruise',
          ...files,
          '--config',
          '.dependency-cruiser.mjs',
          '--output-type',
          'json',
          // only the probes' own imports are judged here; `npm run lint` judges the rest
          '--do-not-follow',
          '^(node_modules/|(src|webview)/(?!.*import-rule-probe))',
        ],
        { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const violations = (JSON.parse(stdout) as { summary: { violations: CruiseViolation[] } })
        .summary.violations;
      const refused = new Set(violations.map((violation) => violation.from));
      const wrong = importProbes.flatMap((probe, index) =>
        refused.has(files[index]!) === probe.allowed
          ? [`${probe.folder}: ${probe.code} ${probe.allowed ? 'was refused' : 'passed'}`]
          : [],
      );
      assert.deepEqual(wrong, []);
    } finally {
      removeProbes(files);
    }
  });

  it('compiles the pure layers without Node or DOM types, and the panel with DOM only', () => {
    const files = writeProbes(typeProbes, 'type-rule');
    try {
      const wrong = typeProbes.flatMap((probe, index) => {
        const parsed = ts.getParsedCommandLineOfConfigFile(
          join(root, probe.config),
          {},
          { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
        )!;
        const globals = parsed.fileNames.filter((name) => name.endsWith('.d.ts'));
        const file = join(root, files[index]!);
        const program = ts.createProgram([file, ...globals], parsed.options);
        const errors = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
        return (errors.length === 0) === probe.allowed
          ? []
          : [`${probe.config}: ${probe.code} ${probe.allowed ? 'was refused' : 'passed'}`];
      });
      assert.deepEqual(wrong, []);
    } finally {
      removeProbes(files);
    }
  });
});
