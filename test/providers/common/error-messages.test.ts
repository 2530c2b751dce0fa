import assert from 'node:assert/strict';
import { buildModelError } from '../../../src/providers/common/build-model-error';
import type { ProviderIdentity } from '../../../src/providers/common/provider-identity';
import { redactSecrets } from '../../../src/providers/common/redact-secrets';

const openai: ProviderIdentity = {
  providerId: 'openai',
  displayName: 'OpenAI',
  apiKeyEnvVar: 'OPENAI_API_KEY',
  secrets: ['my-own-secret-value'],
};

describe('error messages', () => {
  it('redacts keys in all the forms vendors and proxies echo them', () => {
    assert.equal(redactSecrets('key sk-proj-abcDEF123456 here'), 'key [redacted] here');
    assert.equal(redactSecrets('masked sk-canar************cdef.'), 'masked [redacted].');
    assert.equal(redactSecrets('google AIzaSyA1234567890abcdefgh x'), 'google [redacted] x');
    assert.equal(
      redactSecrets('Authorization: Bearer abcdefgh12345678'),
      'Authorization: Bearer [redacted]',
    );
    assert.equal(
      redactSecrets('GET /v1beta/models?key=abc123&x=1'),
      'GET /v1beta/models?key=[redacted]&x=1',
    );
    assert.equal(
      redactSecrets('echo my-own-secret-value', ['my-own-secret-value']),
      'echo [redacted]',
    );
  });

  it('an auth error names the command and the variable to set', () => {
    const error = buildModelError(
      { kind: 'auth', status: 401, vendorMessage: 'Incorrect API key provided: sk-abc***1234' },
      openai,
      'gpt-5.1',
    );
    assert.equal(error.kind, 'auth');
    assert.match(error.message, /OpenAI rejected the API key \(HTTP 401\)/);
    assert.match(
      error.message,
      /Run 'Multi-LLM: Set API Key…' for OpenAI \(or set OPENAI_API_KEY in standalone mode\)/,
    );
    assert.doesNotMatch(error.message, /sk-abc/);
    assert.equal(
      error.hint,
      "Run 'Multi-LLM: Set API Key…' for OpenAI (or set OPENAI_API_KEY in standalone mode).",
    );
  });

  it('a model-not-found error names the setting and the refresh command', () => {
    const error = buildModelError({ kind: 'model-not-found', status: 404 }, openai, 'gpt-9');
    assert.match(error.message, /OpenAI does not know the model "gpt-9"/);
    assert.match(error.hint ?? '', /multiLlm\.participants/);
    assert.match(error.hint ?? '', /'Multi-LLM: Refresh Models'/);
    assert.equal(error.retryable, false);
  });

  it('keeps Retry-After and never attaches the raw SDK error', () => {
    const error = buildModelError(
      { kind: 'rate-limited', status: 429, retryAfterMs: 1500 },
      openai,
      'gpt-5.1',
    );
    assert.equal(error.retryAfterMs, 1500);
    assert.equal(error.retryable, true);
    assert.equal(error.cause, undefined);
  });
});
