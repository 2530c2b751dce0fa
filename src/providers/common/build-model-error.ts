/**
 * One place that turns a classified vendor failure into the ModelError the engine sees: a
 * message in plain words (vendor text scrubbed of secrets), the hint, and no raw SDK error as
 * `cause` (SDK errors carry request details we do not want in logs).
 */
import { ModelError, type ModelErrorKind } from '../../core/model-error';
import { hintFor, setKeyInstruction } from './error-hints';
import type { ProviderIdentity } from './provider-identity';
import { redactSecrets } from './redact-secrets';

export interface ClassifiedFailure {
  kind: ModelErrorKind;
  status?: number;
  /** The vendor's own words, if any (scrubbed here). */
  vendorMessage?: string;
  retryAfterMs?: number;
}

const SUMMARIES: Record<ModelErrorKind, string> = {
  'rate-limited': 'rate-limited the call',
  overloaded: 'is overloaded',
  server: 'had a server error',
  network: 'could not be reached or dropped the connection',
  timeout: 'timed out',
  auth: 'rejected the API key',
  quota: 'reports no remaining quota or credit',
  'model-not-found': 'does not know the model',
  'bad-request': 'rejected the request',
  'bad-output': 'returned output in the wrong structure',
  'content-filter': 'refused for safety reasons',
  cancelled: 'call was cancelled',
  unknown: 'failed',
};

export function buildModelError(
  failure: ClassifiedFailure,
  identity: ProviderIdentity,
  modelId: string,
): ModelError {
  const status = failure.status === undefined ? '' : ` (HTTP ${failure.status})`;
  const subject =
    failure.kind === 'model-not-found'
      ? `${identity.displayName} does not know the model "${modelId}"`
      : `${identity.displayName} ${SUMMARIES[failure.kind]}`;
  const vendor =
    failure.vendorMessage === undefined || failure.vendorMessage.trim() === ''
      ? ''
      : `: ${truncate(redactSecrets(failure.vendorMessage, identity.secrets), 300)}`;
  const action = failure.kind === 'auth' ? ` ${setKeyInstruction(identity)}.` : '';
  const hint = hintFor(failure.kind, identity, modelId);
  return new ModelError({
    kind: failure.kind,
    message: `${subject}${status}${vendor}${vendor.endsWith('.') ? '' : '.'}${action}`.replace(
      '..',
      '.',
    ),
    provider: identity.providerId,
    modelId,
    ...(failure.status === undefined ? {} : { status: failure.status }),
    ...(failure.retryAfterMs === undefined ? {} : { retryAfterMs: failure.retryAfterMs }),
    ...(hint === undefined ? {} : { hint }),
  });
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
