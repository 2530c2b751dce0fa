/**
 * Hints that name what the user can do about an error (src/core/model-error.ts): the command, the setting
 * or the variable to touch. Shown in the panel, the MCP result and the CLI.
 */
import type { ModelErrorKind } from '../../core/model-error';
import type { ProviderIdentity } from './provider-identity';

export function setKeyInstruction(identity: ProviderIdentity): string {
  const standalone =
    identity.apiKeyEnvVar === undefined
      ? ''
      : ` (or set ${identity.apiKeyEnvVar} in standalone mode)`;
  return `Run 'Multi-LLM: Set API Key…' for ${identity.displayName}${standalone}`;
}

export function hintFor(
  kind: ModelErrorKind,
  identity: ProviderIdentity,
  modelId?: string,
): string | undefined {
  const name = identity.displayName;
  switch (kind) {
    case 'auth':
      return `${setKeyInstruction(identity)}.`;
    case 'quota':
      return `Your ${name} account has no quota or credit left: add credit or raise the limit in ${name}'s billing console, or remove this participant from multiLlm.participants.`;
    case 'model-not-found':
      return `Check the model id${modelId === undefined ? '' : ` "${modelId}"`} in the setting multiLlm.participants, or run 'Multi-LLM: Refresh Models' to list the models ${name} offers you.`;
    case 'rate-limited':
      return `${name} is rate-limiting this key; calls are retried automatically. If it persists, wait a minute or use fewer participants or rounds.`;
    case 'overloaded':
    case 'server':
      return `${name} is having trouble; calls are retried automatically. If it persists, try again later or pick another model.`;
    case 'network':
      return `Could not reach ${name}. Check the connection, a proxy, or the base URL setting for ${name}.`;
    case 'timeout':
      return `${name} stopped sending data. Try again, or raise multiLlm.streamIdleTimeoutSeconds for slow models.`;
    case 'bad-request':
      return `${name} rejected the request as formed; the model may not support a feature used here (e.g. JSON-schema output). Try another model.`;
    case 'content-filter':
      return `${name} declined for safety reasons. Rephrase the task.`;
    default:
      return undefined;
  }
}
