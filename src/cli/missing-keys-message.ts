/** What `mlo` says when no provider can be called at all: exactly which variables to set. */
import * as l10n from '@vscode/l10n';
import { KEY_ENV_VARS, type Environment } from '../app/environment-config';
import { DEFAULT_MODELS } from '../providers/provider-registry';

export function anyKeyConfigured(env: Environment): boolean {
  const vendorKeys = Object.values(KEY_ENV_VARS).flat();
  return (
    vendorKeys.some((name) => (env[name] ?? '').trim() !== '') ||
    (env.MLO_ENDPOINTS ?? '').trim() !== ''
  );
}

export function noKeysMessage(): string {
  return `${l10n.t(
    `No API keys are configured, so no model can be called.
Set the keys of at least two vendors in the environment, for example:
  export OPENAI_API_KEY=sk-...
  export ANTHROPIC_API_KEY=sk-ant-...
  export GEMINI_API_KEY=...          (GOOGLE_API_KEY also works)
Optionally choose the council: export MLO_PARTICIPANTS=openai:{0},anthropic:{1}
Local OpenAI-compatible servers need no key: export MLO_ENDPOINTS=ollama=http://127.0.0.1:11434/v1
and name them as participants, e.g. ollama:llama3.1.`,
    DEFAULT_MODELS.openai,
    DEFAULT_MODELS.anthropic,
  )}
`;
}
