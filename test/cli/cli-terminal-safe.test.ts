/**
 * Model text written to a terminal cannot drive it: `mlo run` in a real pseudo-terminal (util-
 * linux `script`), the simulated council's product carrying an OSC title sequence and a clear-
 * screen sequence. By default they are printed as visible `\xNN` escapes; with --raw the bytes go
 * through unchanged (what a user asks for when piping to another terminal tool); a pipe is never
 * altered.
 */
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CLI_PATH, runCliProcess } from './support/cli-process';
import { useFakeVendorCli } from './support/fake-vendor-cli';

const ATTACK = '\u001b]0;pwned\u0007\u001b[2J owned';

describe('mlo writing model text to a terminal', function () {
  this.timeout(120_000);
  const council = useFakeVendorCli('mlo-tty-');
  const env = () => council.env({ MLO_TASK: ATTACK, MLO_CLI: CLI_PATH });

  async function inTerminal(extra: string): Promise<string> {
    const { stdout } = await promisify(execFile)(
      'script',
      ['-qec', `"${process.execPath}" "$MLO_CLI" run "$MLO_TASK" --quiet ${extra}`, '/dev/null'],
      { env: env(), encoding: 'utf8' },
    );
    return stdout;
  }

  it('shows control sequences as text in a terminal, and passes them with --raw', async () => {
    const safe = await inTerminal('');
    assert.match(safe, /Council answer: \\x1b\]0;pwned\\x07\\x1b\[2J owned/);
    assert.ok(!safe.includes('\u001b]0;'), 'no OSC sequence reached the terminal');
    const raw = await inTerminal('--raw');
    assert.ok(raw.includes(`Council answer: ${ATTACK}`), 'with --raw the bytes are unchanged');
    const piped = await runCliProcess(['run', ATTACK, '--quiet'], env());
    assert.equal(piped.stdout, `Council answer: ${ATTACK}\n`, 'a pipe gets the bytes as they are');
  });
});
