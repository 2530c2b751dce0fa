#!/usr/bin/env node
// npm run dev [-- --port 8080] [-- --real]
// Builds and packages the extension, installs it into the cached code-server (a real VS Code in
// the browser) with a persistent profile under .dev/, and opens the sample workspace on
// http://127.0.0.1:PORT. Without --real the council is the SIMULATED one of
// src/providers/simulated/ (three scripted participants, "Simulated Ada/Basil/Cleo"): no model
// is called, no key and no server is needed. Ctrl-C stops everything.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureCodeServer } from './install-code-server.mjs';
import {
  PROJECT_ROOT,
  codeServerFolders,
  installExtension,
  packageExtension,
  startCodeServer,
  writeUserSettings,
} from './code-server-launcher.mjs';

const SIMULATED_PARTICIPANTS = ['simulated:Ada', 'simulated:Basil', 'simulated:Cleo'];
/** What earlier versions of this script wrote (the fake vendor server's base URLs). */
const BASE_URL_KEYS = [
  'multiLlm.openai.baseUrl',
  'multiLlm.anthropic.baseUrl',
  'multiLlm.google.baseUrl',
];

function parseArgs(argv) {
  const options = { port: 8080, real: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--real') options.real = true;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) options.port = Number(arg.slice('--port='.length));
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(
        'npm run dev [-- --port 8080] [-- --real]\n' +
          '  Opens the extension in code-server on 127.0.0.1 with a sample workspace.\n' +
          '  Default: a SIMULATED council (scripted, no key, no network). --real: the vendors\n' +
          '  you configure, with the keys you set in the editor.\n',
      );
      process.exit(0);
    } else throw new Error(`Unknown argument: ${arg} (try --help)`);
  }
  if (!Number.isInteger(options.port) || options.port < 1 || options.port > 65535) {
    throw new Error('--port must be 1..65535');
  }
  return options;
}

function log(message) {
  process.stderr.write(`[dev] ${message}\n`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/** Keeps what the developer changed in the persistent profile; only our keys are managed. */
function devSettings(existing, simulated) {
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'update.mode': 'none',
    'git.openRepositoryInParentFolders': 'never',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...existing,
  };
  // Base URLs of a fake vendor server an older session started (it is gone now).
  for (const key of BASE_URL_KEYS) {
    if (String(settings[key] ?? '').startsWith('http://127.0.0.1:')) delete settings[key];
  }
  const participants = settings['multiLlm.participants'];
  const wasSimulated =
    Array.isArray(participants) &&
    participants.some((entry) =>
      /simulated/i.test(
        typeof entry === 'string' ? entry : `${entry.provider} ${entry.displayName}`,
      ),
    );
  if (simulated) settings['multiLlm.participants'] = SIMULATED_PARTICIPANTS;
  else if (wasSimulated) delete settings['multiLlm.participants'];
  return settings;
}

/**
 * Builds, packages and installs the extension into code-server under `root` (a persistent
 * profile, .dev/ by default), writes the dev settings and starts it on `port`. Also used by the
 * screenshot script (test/e2e/screenshots.ts) with a fresh `root`, as on a fresh clone.
 * @returns {Promise<{url: string, workspace: string, folders: object, server: object, stop: () => Promise<void>}>}
 */
export async function startDev({ port, real = false, root = join(PROJECT_ROOT, '.dev') }) {
  const codeServer = await ensureCodeServer();
  const vsix = await packageExtension();
  const folders = codeServerFolders(join(root, 'code-server'));
  await installExtension(codeServer, folders, vsix);

  const workspace = join(root, 'workspace');
  if (!existsSync(workspace)) {
    cpSync(join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, {
      recursive: true,
    });
  }

  if (!real) log('SIMULATED council: scripted participants, no model is called');
  const settingsPath = join(folders.userDataDir, 'User', 'settings.json');
  writeUserSettings(folders, devSettings(readJson(settingsPath), !real));

  const server = await startCodeServer(codeServer, folders, {
    port,
    folder: workspace,
    logFile: join(root, 'code-server.log'),
  });
  const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  return { url, workspace, folders, server, stop: () => server.stop() };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const stops = [];
  let stopping = false;
  const stopAll = async (code) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const { url, server, stop } = await startDev(options);
    stops.push(stop);
    server.child.on('exit', () => void stopAll(1));
    const lines = [
      '',
      `  Multi-LLM Orchestration in code-server: ${url}`,
      '',
      !options.real
        ? '  SIMULATED COUNCIL: three scripted participants (Simulated Ada, Basil, Cleo), no key,\n' +
          '  no model is called. Open the Council view and click "Try with simulated participants",\n' +
          '  or select a function in src/math.ts and run Multi-LLM: Run Consensus on Selection.'
        : '  REAL vendors: set your keys with Multi-LLM: Set API Key… (stored in this profile under\n' +
          '  .dev/). Runs call the vendors and cost money.',
      '',
      '  Profile: .dev/code-server (kept between runs)   Log: .dev/code-server.log',
      '  Ctrl-C stops everything.',
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    log(error instanceof Error ? error.message : String(error));
    await stopAll(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
