/**
 * The README's shell walk-throughs as a user runs them: the fenced blocks marked with
 * `<!-- checked: … -->` (found with markdown-it, so fences and comments are read the way a
 * renderer reads them), split into whole commands (`bash -n` decides where one ends), and typed
 * one by one into a single bash, so variables, functions and `&` jobs carry over as they do in
 * a terminal.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import { ROOT } from '../../cli/support/cli-process';

const MARKER = /^<!--\s*checked:\s*(\S+)\s*-->\s*$/;

/** The fenced blocks of `file` right after a `<!-- checked: <by> -->` line. */
export function checkedBlocks(file: string, by: string): string[] {
  const tokens = new MarkdownIt({ html: true }).parse(
    readFileSync(resolve(ROOT, file), 'utf8'),
    {},
  );
  const blocks: string[] = [];
  tokens.forEach((token, i) => {
    const marker = token.type === 'html_block' ? MARKER.exec(token.content.trim()) : null;
    if (marker?.[1] !== by) return;
    const next = tokens[i + 1];
    if (next?.type !== 'fence')
      throw new Error(`${file}: "${token.content.trim()}" is not followed by a fenced block`);
    blocks.push(next.content);
  });
  return blocks;
}

/** Whole commands: lines joined until bash parses them (continuations, `{ … }` bodies). */
export function shellCommands(block: string): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const line of block.split('\n')) {
    pending = pending ? `${pending}\n${line}` : line;
    if (!pending.trim()) {
      pending = '';
      continue;
    }
    if (spawnSync('bash', ['-n', '-c', pending]).status === 0 && !pending.endsWith('\\')) {
      commands.push(pending);
      pending = '';
    }
  }
  if (pending.trim()) throw new Error(`an unfinished command at the end of a block: ${pending}`);
  return commands;
}

/** A command without its trailing `# comment` (for comparing translations of a block). */
export function withoutComment(command: string): string {
  return command.replace(/\s+#\s.*$/gm, '');
}

export interface ShellStep {
  stdout: string;
  status: number;
}

export interface Shell {
  /** Types one command and waits for its prompt to come back. */
  run(command: string, timeoutMs?: number): Promise<ShellStep>;
  /** Everything written to stderr so far, by the commands and their `&` jobs. */
  stderr(): string;
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** SIGTERM to the `&` jobs, then the shell ends; the whole process group if it lingers. */
  close(): Promise<void>;
}

/**
 * One bash reading its commands from stdin, each typed as `{ command } </dev/null` (a group in
 * the same shell, so assignments, functions and `&` jobs stay, and no command can eat the next
 * one), in its own process group so that it and its `&` jobs can be ended together.
 */
export function startShell(env: Record<string, string>, cwd = ROOT): Shell {
  const child: ChildProcess = spawn('bash', ['--noprofile', '--norc', '-s'], {
    cwd,
    env,
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const script = child.stdin!;
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => ((stdout += chunk), notify()));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => ((stderr += chunk), notify()));
  const ended = new Promise<void>((done) => child.once('close', () => (notify(), done())));

  const waitFor = <T>(test: () => T | undefined, timeoutMs: number, what: string) =>
    new Promise<T>((done, fail) => {
      const check = () => {
        const value = test();
        if (value !== undefined) finish(() => done(value));
        else if (child.exitCode !== null || child.signalCode !== null)
          finish(() => fail(new Error(`the shell ended before ${what}; stderr:\n${stderr}`)));
      };
      const timer = setTimeout(
        () =>
          finish(() =>
            fail(
              new Error(`no ${what} in ${timeoutMs} ms; stdout:\n${stdout}\nstderr:\n${stderr}`),
            ),
          ),
        timeoutMs,
      );
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    });

  let step = 0;
  return {
    async run(command, timeoutMs = 15_000) {
      const mark = `@@mlo-readme-step-${++step}@@`;
      const from = stdout.length;
      script.write(`{\n${command}\n} </dev/null\nprintf '\\n${mark} %s\\n' "$?"\n`);
      const pattern = new RegExp(`\\n${mark} (\\d+)\\n`);
      const found = await waitFor(
        () => pattern.exec(stdout.slice(from)) ?? undefined,
        timeoutMs,
        `end of: ${command}`,
      );
      return { stdout: stdout.slice(from, from + found.index), status: Number(found[1]) };
    },
    stderr: () => stderr,
    waitForStderr: (pattern, timeoutMs = 15_000) =>
      waitFor(() => (pattern.test(stderr) ? true : undefined), timeoutMs, String(pattern)).then(
        () => undefined,
      ),
    async close() {
      // A shell that ended early may have left its `&` jobs running.
      if (child.exitCode !== null || child.signalCode !== null) return killGroup(child);
      script.end('jobs -p | xargs -r kill -TERM\nwait\nexit 0\n');
      const lingering = setTimeout(() => killGroup(child), 10_000);
      await ended;
      clearTimeout(lingering);
    },
  };
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // The group is gone already.
  }
}
