import assert from 'node:assert/strict';
import { ModelError } from '../../src/core/model-error';
import { mapLanguageModelError } from '../../src/extension/lm/map-language-model-error';

describe('mapLanguageModelError (vscode.lm errors as ModelError kinds)', () => {
  const lmError = (code: string) =>
    Object.assign(new Error('denied'), { name: `${code} (LanguageModelError)`, code });

  it('maps NoPermissions to auth with a hint the user can act on', () => {
    const error = mapLanguageModelError(lmError('NoPermissions'), 'gpt-4o');
    assert.equal(error.kind, 'auth');
    assert.equal(error.provider, 'vscode-lm');
    assert.equal(error.modelId, 'gpt-4o');
    assert.match(error.hint ?? '', /Language Model Access/);
  });

  it('maps Blocked to quota and NotFound to model-not-found naming the setting', () => {
    assert.equal(mapLanguageModelError(lmError('Blocked'), 'm').kind, 'quota');
    const notFound = mapLanguageModelError(lmError('NotFound'), 'm');
    assert.equal(notFound.kind, 'model-not-found');
    assert.match(notFound.hint ?? '', /multiLlm\.participants/);
  });

  it('maps a cancellation to cancelled and anything else to unknown', () => {
    const canceled = Object.assign(new Error('Canceled'), { name: 'Canceled' });
    assert.equal(mapLanguageModelError(canceled, 'm').kind, 'cancelled');
    assert.equal(mapLanguageModelError(new Error('boom'), 'm').kind, 'unknown');
    assert.equal(mapLanguageModelError('weird', 'm').message, 'weird');
  });

  it('passes a ModelError through unchanged', () => {
    const original = new ModelError({ kind: 'timeout', message: 't', provider: 'vscode-lm' });
    assert.equal(mapLanguageModelError(original, 'm'), original);
  });
});
