#!/usr/bin/env node
// npm run dev [-- --port 8080] [-- --real]
// Builds and packages the extension, installs it into the cached code-server (a real VS Code in
// the browser) with a persistent profile under .dev/, and opens the sample workspace on
// http://127.0.0.1:PORT. Without --real the providers point at the fake vendor server: every
// answer is SIMULATED (no model is called, no key is needed beyond a placeholder).
// Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ensureCodeServer } from './install-code-server.mjs';
import {
  PROJECT_ROOT,
  codeServerFolders,
  installExtension,
  packageExtension,
  startCodeServer,
  stopProcessGroup,
  writeUserSettings,
} from './code-server-launcher.mjs';

const SIMULATED_SUFFIX = ' (simulated)';
const BASE_URL_KEYS = {
  openai: 'multiLlm.openai.baseUrl',
  anthropic: 'multiLlm.anthropic.baseUrl',
  google: 'multiLlm.google.baseUrl',
};

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
          '  Default: a SIMULATED council (local fake vendor server). --real: the vendors\n' +
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

/** The fake vendor server in its own process (it is TypeScript; tsx runs it). */
function startFakeVendor() {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'test/fake-vendor/serve.ts',
        '--port',
        '0',
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'], detached: true },
    );
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`fake vendor server exited (${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) => {
      try {
        const { url, baseUrls } = JSON.parse(line);
        resolve({ child, url, baseUrls });
      } catch (error) {
        reject(error);
      }
    });
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

/** Keeps what the developer changed in the persistent profile; only our keys are managed. */
function devSettings(existing, fake) {
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
  const simulatedParticipants = (settings['multiLlm.participants'] ?? []).some?.(
    (entry) =>
      typeof entry === 'object' && String(entry.displayName ?? '').endsWith(SIMULATED_SUFFIX),
  );
  if (fake) {
    for (const [vendor, key] of Object.entries(BASE_URL_KEYS))
      settings[key] = fake.baseUrls[vendor];
    settings['multiLlm.participants'] = [
      { provider: 'openai', model: 'gpt-5.1', displayName: `OpenAI gpt-5.1${SIMULATED_SUFFIX}` },
      {
        provider: 'anthropic',
        model: 'claude-sonnet-4-6',
        displayName: `Anthropic claude-sonnet-4-6${SIMULATED_SUFFIX}`,
      },
      {
        provider: 'google',
        model: 'gemini-3.1-pro-preview',
        displayName: `Gemini 3.1 Pro${SIMULATED_SUFFIX}`,
      },
    ];
  } else {
    // --real: drop what a simulated session left behind (base URLs of a dead local server).
    for (const key of Object.values(BASE_URL_KEYS)) {
      if (String(settings[key] ?? '').startsWith('http://127.0.0.1:')) delete settings[key];
    }
    if (simulatedParticipants) delete settings['multiLlm.participants'];
  }
  return settings;
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
    const codeServer = await ensureCodeServer();
    const vsix = await packageExtension();
    const folders = codeServerFolders(join(PROJECT_ROOT, '.dev', 'code-server'));
    await installExtension(codeServer, folders, vsix);

    const workspace = join(PROJECT_ROOT, '.dev', 'workspace');
    if (!existsSync(workspace)) {
      cpSync(join(PROJECT_ROOT, 'test', 'e2e', 'fixtures', 'workspace'), workspace, {
        recursive: true,
      });
    }

    let fake;
    if (!options.real) {
      fake = await startFakeVendor();
      stops.push(() => stopProcessGroup(fake.child, 2000));
      log(`fake vendor server (SIMULATED council) on ${fake.url}`);
    }
    const settingsPath = join(folders.userDataDir, 'User', 'settings.json');
    writeUserSettings(folders, devSettings(readJson(settingsPath), fake));

    const server = await startCodeServer(codeServer, folders, {
      port: options.port,
      folder: workspace,
      logFile: join(PROJECT_ROOT, '.dev', 'code-server.log'),
    });
    stops.push(() => server.stop());
    server.child.on('exit', () => void stopAll(1));

    const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
    const lines = [
      '',
      `  Multi-LLM Orchestration in code-server: ${url}`,
      '',
      fake
        ? '  SIMULATED COUNCIL: every answer comes from a local fake vendor server, no real model\n' +
          '  is called. Set any placeholder key once per provider (Multi-LLM: Set API Key…, e.g.\n' +
          '  "demo"), select a function in src/math.ts and run Multi-LLM: Run Consensus on Selection.'
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

void main();
