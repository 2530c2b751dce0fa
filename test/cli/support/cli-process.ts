/** Runs the built `mlo` (dist/cli.js) as a child process, the way a user's shell does. */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { buildBundlesOnce, ROOT } from '../../support/build-bundles-once';

export { ROOT };
export const CLI_PATH = resolve(ROOT, 'dist/cli.js');
export const buildCliOnce = buildBundlesOnce;

/**
 * A clean environment: nothing of the test runner's own keys leaks into the child, and its
 * output is English (MLO_LANG) whatever the runner's locale, unless `extra` says otherwise.
 */
export function cleanEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = { MLO_LANG: 'en' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return { ...env, ...extra };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliChild {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stderr holds a line matching the pattern. */
  waitForStderr(pattern: RegExp): Promise<void>;
  done: Promise<CliRun>;
}

export function startCli(args: string[], env: Record<string, string>, cwd = ROOT): CliChild {
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolveRun({ code, signal, stdout, stderr }));
  });
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    waitForStderr: (pattern) =>
      new Promise<void>((resolveWait, reject) => {
        if (pattern.test(stderr)) return resolveWait();
        waiters.push({ pattern, resolve: resolveWait });
        void done.then(() =>
          reject(new Error(`the CLI ended before ${String(pattern)}; stderr:\n${stderr}`)),
        );
      }),
    done,
  };
}

export function runCliProcess(
  args: string[],
  env: Record<string, string>,
  cwd = ROOT,
): Promise<CliRun> {
  return startCli(args, env, cwd).done;
}
