/**
 * vscode.LanguageModelError (and anything else sendRequest throws) as the core's ModelError.
 * Pure: takes the error's name/code/message, so the mapping is unit-tested without VS Code.
 * Codes per the VS Code API (1.101): NoPermissions, Blocked, NotFound; Blocked covers the
 * user's quota or rate limit on Copilot models.
 */
import { ModelError } from '../../core/model-error';

export interface ErrorShape {
  name?: string;
  code?: string;
  message?: string;
}

export function mapLanguageModelError(error: unknown, modelId: string): ModelError {
  if (error instanceof ModelError) return error;
  const shape: ErrorShape = typeof error === 'object' && error !== null ? error : {};
  const message = shape.message ?? String(error);
  const base = { provider: 'vscode-lm', modelId, message, cause: error };
  const code = shape.code ?? '';
  if (shape.name === 'Canceled' || shape.name === 'AbortError' || message === 'Canceled') {
    return new ModelError({ ...base, kind: 'cancelled' });
  }
  if (code === 'NoPermissions' || code.endsWith('NoPermissions')) {
    return new ModelError({
      ...base,
      kind: 'auth',
      hint: 'Allow this extension to use the language model when VS Code asks (or in "Manage Language Model Access").',
    });
  }
  if (code === 'Blocked' || code.endsWith('Blocked')) {
    return new ModelError({
      ...base,
      kind: 'quota',
      hint: 'The editor blocked requests to this model (quota or rate limit); try again later or use another participant.',
    });
  }
  if (code === 'NotFound' || code.endsWith('NotFound')) {
    return new ModelError({
      ...base,
      kind: 'model-not-found',
      hint: "Check the vscode-lm participants in the setting multiLlm.participants, or run 'Multi-LLM: Refresh Models'.",
    });
  }
  return new ModelError({ ...base, kind: 'unknown' });
}
