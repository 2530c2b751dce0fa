// Drives the cached code-server (scripts/install-code-server.mjs): package the extension, install
// the .vsix into a given user-data/extensions folder, write user settings, start and stop the
// server. Shared by the e2e harness (test/e2e) and `npm run dev` (scripts/dev.mjs).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const VSIX_PATH = join(PROJECT_ROOT, 'dist', 'multi-llm-orchestration.vsix');
export const EXTENSION_ID = 'multi-llm-orchestration.multi-llm-orchestration';

function log(message) {
  process.stderr.write(`[code-server] ${message}\n`);
}

/** Vendor keys of the person running the tests must never reach the editor or its children. */
function childEnvironment(extra = {}) {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/(_API_KEY|_TOKEN|_SECRET)$/i.test(key) || key.startsWith('npm_')) continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function runToEnd(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise(output);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`,
          ),
        );
    });
  });
}

/** `npm run package`: the production bundles and dist/multi-llm-orchestration.vsix. */
export async function packageExtension() {
  const started = Date.now();
  log('npm run package');
  await runToEnd('npm', ['run', 'package'], { cwd: PROJECT_ROOT, env: childEnvironment() });
  log(`packaged ${VSIX_PATH} in ${Math.round((Date.now() - started) / 1000)} s`);
  return VSIX_PATH;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}

/**
 * The folders one code-server instance uses. `home` holds its config file and XDG folders so
 * that nothing is written into the user's home folder.
 */
export function codeServerFolders(root) {
  const folders = {
    root,
    userDataDir: join(root, 'user-data'),
    extensionsDir: join(root, 'extensions'),
    home: join(root, 'home'),
    configFile: join(root, 'home', 'config.yaml'),
  };
  for (const dir of [folders.userDataDir, folders.extensionsDir, folders.home]) {
    mkdirSync(dir, { recursive: true });
  }
  return folders;
}

function codeServerEnvironment(folders) {
  return childEnvironment({
    XDG_CONFIG_HOME: join(folders.home, 'config'),
    XDG_DATA_HOME: join(folders.home, 'data'),
    XDG_CACHE_HOME: join(folders.home, 'cache'),
  });
}

function writeConfig(folders, port) {
  writeFileSync(folders.configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
}

/** `code-server --install-extension x.vsix` into the given folders. */
export async function installExtension(codeServer, folders, vsixPath) {
  writeConfig(folders, 0);
  const output = await runToEnd(
    codeServer.nodeBin,
    [
      codeServer.codeServerBin,
      '--config',
      folders.configFile,
      '--user-data-dir',
      folders.userDataDir,
      '--extensions-dir',
      folders.extensionsDir,
      '--install-extension',
      vsixPath,
      '--force',
    ],
    { env: codeServerEnvironment(folders) },
  );
  log(output.trim().split('\n').slice(-2).join(' | '));
  return output;
}

/** Writes <user-data>/User/settings.json (replacing it). */
export function writeUserSettings(folders, settings) {
  const dir = join(folders.userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

async function waitForHttp(url, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode})`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs} ms`);
}

/**
 * Starts code-server in its own process group (so stop() ends its extension host and any MCP
 * server it spawned too) and waits until it answers. Output goes to `logFile`.
 */
export async function startCodeServer(codeServer, folders, { port, folder, logFile }) {
  writeConfig(folders, port);
  const out = createWriteStream(logFile ?? join(folders.root, 'code-server.log'));
  const child = spawn(
    codeServer.nodeBin,
    [
      codeServer.codeServerBin,
      '--config',
      folders.configFile,
      '--user-data-dir',
      folders.userDataDir,
      '--extensions-dir',
      folders.extensionsDir,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      folder,
    ],
    { env: codeServerEnvironment(folders), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child);
  try {
    await waitForHttp(`${url}/healthz`, 60_000, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, child, stop };
}

/** SIGTERM the whole group, SIGKILL what is left after a grace period. */
export async function stopProcessGroup(child, graceMs = 5000) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return false;
    }
  };
  const exited = new Promise((r) => child.once('exit', r));
  if (!signalGroup('SIGTERM')) return;
  const timer = new Promise((r) => setTimeout(() => r('timeout'), graceMs));
  if ((await Promise.race([exited, timer])) === 'timeout') signalGroup('SIGKILL');
  // Children of the group (extension host, MCP servers) may outlive the leader briefly.
  signalGroup('SIGKILL');
}
