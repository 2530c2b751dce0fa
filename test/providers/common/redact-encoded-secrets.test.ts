import { strict as assert } from 'node:assert';
import { redactingLogger } from '../../../src/app/logger';
import { buildModelError } from '../../../src/providers/common/build-model-error';
import {
  containsKnownSecret,
  forgetSecrets,
  redactKnownSecrets,
  rememberSecret,
} from '../../../src/providers/common/redact-secrets';
import { memoryLogger } from '../../app/support/council-fixture';

// A key with characters that URL-encoding changes, as some gateways issue them.
const KEY = 'gw-live/Zq8+Kp2=Vx7!yW4~tR9';
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const b64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

const identity = {
  providerId: 'openai',
  displayName: 'OpenAI',
  apiKeyEnvVar: 'OPENAI_API_KEY',
  secrets: [KEY],
};

describe('redaction of encoded keys', () => {
  afterEach(() => forgetSecrets());

  it('removes a key a vendor error echoes URL-encoded or base64-encoded', () => {
    const echoes = [
      `invalid request to /v1/models?api-key=${encodeURIComponent(KEY)}&x=1`,
      `unauthorized: credential ${encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase())}`,
      `proxy saw "Authorization: Basic ${b64(`user:${KEY}`)}"`,
      `token ${b64(KEY)} rejected`,
      `token ${b64url(`{"k":"${KEY}"}`)} rejected`,
    ];
    for (const vendorMessage of echoes) {
      const error = buildModelError({ kind: 'auth', status: 401, vendorMessage }, identity, 'm');
      assert.ok(!error.message.includes(encodeURIComponent(KEY)), error.message);
      assert.ok(!error.message.includes(b64(KEY).slice(0, 24)), error.message);
      assert.ok(!error.message.includes(b64url(KEY).slice(4, 28)), error.message);
      assert.match(error.message, /\[redacted\]/);
    }
  });

  it('removes a remembered key from log lines in its encoded forms too', () => {
    rememberSecret(KEY);
    const inner = memoryLogger();
    const logger = redactingLogger(inner);
    logger.warn(`retrying ${encodeURIComponent(KEY)}`);
    logger.error(`header Basic ${b64(`:${KEY}`)}`);
    assert.deepEqual(
      inner.lines.map((line) => line.includes('[redacted]')),
      [true, true],
    );
    for (const line of inner.lines) {
      assert.equal(containsKnownSecret(line), false, line);
    }
  });

  it('leaves ordinary text and other keys alone', () => {
    rememberSecret(KEY);
    const text = 'The council agreed; see https://example.com/?q=a%2Fb and aGVsbG8gd29ybGQ=';
    assert.equal(redactKnownSecrets(text), text);
  });
});
