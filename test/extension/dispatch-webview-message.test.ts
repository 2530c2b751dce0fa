import assert from 'node:assert/strict';
import {
  dispatchWebviewMessage,
  type WebviewMessageHandlers,
} from '../../src/extension/panel/dispatch-webview-message';

function setup() {
  const calls: { type: string; message: unknown }[] = [];
  const warnings: string[] = [];
  const errors: string[] = [];
  const record = (message: { type: string }) => {
    calls.push({ type: message.type, message });
  };
  const handlers: WebviewMessageHandlers = {
    ready: record,
    'start-run': record,
    'try-simulated': record,
    'cancel-run': record,
    'finish-early': record,
    'open-run': record,
    rerun: record,
    'export-run': record,
    'apply-result': record,
    'copy-result': record,
    'open-draft': record,
    'discard-result': record,
    'show-diff': record,
    'set-api-key': record,
    'open-settings': record,
    'show-history': record,
    'open-in-editor': record,
  };
  const log = { warn: (m: string) => warnings.push(m), error: (m: string) => errors.push(m) };
  return { calls, warnings, errors, handlers, log };
}

describe('dispatchWebviewMessage (the host trusts no panel message)', () => {
  it('hands a valid message to its handler', async () => {
    const { calls, warnings, handlers, log } = setup();
    const outcome = await dispatchWebviewMessage(
      { type: 'apply-result', runId: 'run-1' },
      handlers,
      log,
    );
    assert.equal(outcome, 'handled');
    assert.deepEqual(calls, [
      { type: 'apply-result', message: { type: 'apply-result', runId: 'run-1' } },
    ]);
    assert.deepEqual(warnings, []);
  });

  it('rejects and logs an unknown message type without calling anything', async () => {
    const { calls, warnings, handlers, log } = setup();
    const outcome = await dispatchWebviewMessage(
      { type: 'run-shell', command: 'rm -rf /' },
      handlers,
      log,
    );
    assert.equal(outcome, 'rejected');
    assert.equal(calls.length, 0);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /rejected \(type "run-shell"\)/);
    assert.doesNotMatch(warnings[0]!, /rm -rf/);
  });

  it('rejects bad fields, extra fields and non-objects', async () => {
    const { calls, warnings, handlers, log } = setup();
    const bad: unknown[] = [
      { type: 'start-run', task: '', outputKind: 'code', useSelection: true },
      { type: 'start-run', task: 'x', outputKind: 'binary', useSelection: true },
      { type: 'export-run', runId: 'r', format: 'pdf' },
      { type: 'apply-result', runId: 'r', uri: 'file:///etc/passwd' },
      { type: 'apply-result' },
      'ready',
      null,
      42,
    ];
    for (const message of bad) {
      assert.equal(await dispatchWebviewMessage(message, handlers, log), 'rejected');
    }
    assert.equal(calls.length, 0);
    assert.equal(warnings.length, bad.length);
  });

  it('logs a handler failure instead of throwing into the webview channel', async () => {
    const { errors, handlers, log } = setup();
    handlers['cancel-run'] = () => {
      throw new Error('no such run');
    };
    const outcome = await dispatchWebviewMessage({ type: 'cancel-run', runId: 'x' }, handlers, log);
    assert.equal(outcome, 'failed');
    assert.match(errors[0]!, /cancel-run failed: no such run/);
  });
});
