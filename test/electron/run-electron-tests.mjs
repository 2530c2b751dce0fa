// The extension-host integration tests under @vscode/test-electron (docs/ARCHITECTURE.md, "Tests").
// Builds the extension and bundles the suite, downloads VS Code (cached in .vscode-test/), and
// runs the suite inside it. Where VS Code cannot be downloaded (no internet, as on the build
// machines), it says so and exits 0 WITHOUT claiming anything passed: the same scenarios run
// in code-server through `npm run test:e2e`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = path.join(root, 'out/electron-suite');
const version = process.env.MLO_VSCODE_VERSION ?? 'stable';

function buildExtension() {
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('node esbuild.mjs failed');
}

async function bundleSuite() {
  await esbuild.build({
    entryPoints: { index: path.join(root, 'test/electron/suite/index.ts') },
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    // vscode is the host's; mocha and glob-free loading come from node_modules at run time.
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

async function main() {
  buildExtension();
  await bundleSuite();

  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await downloadAndUnzipVSCode({
      version,
      cachePath: path.join(root, '.vscode-test'),
      timeout: 20_000,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.log(
      `VS Code could not be downloaded: ${reason}; the @vscode/test-electron suite did NOT run. ` +
        'These scenarios also run in code-server via npm run test:e2e.',
    );
    process.exit(0);
  }

  // A throw-away copy of the fixture workspace: the tests edit files in it.
  const workspace = mkdtempSync(path.join(tmpdir(), 'mlo-electron-ws-'));
  cpSync(path.join(root, 'test/electron/workspace'), workspace, { recursive: true });
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'mlo-electron-user-'));
  try {
    const exitCode = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(outDir, 'index.js'),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
      extensionTestsEnv: { MLO_ELECTRON_WORKSPACE: workspace },
    });
    process.exit(exitCode);
  } catch (error) {
    console.error('The @vscode/test-electron suite failed:', error);
    process.exit(1);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

await main();
