import { strict as assert } from 'node:assert';
import { createStderrLogger, redactingLogger } from '../../src/app/logger';
import { forgetSecrets, rememberSecret } from '../../src/providers/common/redact-secrets';
import { memoryLogger } from './support/council-fixture';

describe('logger', () => {
  afterEach(() => forgetSecrets());

  it('replaces remembered keys with [redacted] and honours the level', () => {
    rememberSecret('sk-logger-canary-1234');
    rememberSecret('short');
    const lines: string[] = [];
    const logger = createStderrLogger({ level: 'info', write: (line) => lines.push(line) });
    logger.debug('hidden');
    logger.info('calling with sk-logger-canary-1234 and short');
    logger.error('boom');
    assert.deepEqual(lines, ['[mlo] calling with [redacted] and short\n', '[mlo] error: boom\n']);
    const inner = memoryLogger();
    redactingLogger(inner).warn('key=sk-logger-canary-1234');
    assert.deepEqual(inner.lines, ['key=[redacted]']);
  });
});
