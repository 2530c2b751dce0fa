/**
 * Stands in for a vendor model when no key is set, so the failure is a clear 'auth' ModelError
 * at call time (the engine shows it as an abstention with the fix) instead of an SDK quietly
 * reading some environment variable.
 */
import type { LanguageModel, ModelRequest, ModelResponse } from '../../core/language-model';
import type { ModelError } from '../../core/model-error';
import { buildModelError } from './build-model-error';
import type { ProviderIdentity } from './provider-identity';

export class MissingKeyLanguageModel implements LanguageModel {
  readonly provider: string;

  constructor(
    readonly modelId: string,
    private readonly identity: ProviderIdentity,
  ) {
    this.provider = identity.providerId;
  }

  generate(_request: ModelRequest): Promise<ModelResponse> {
    return Promise.reject(missingKeyError(this.identity, this.modelId));
  }
}

export function missingKeyError(identity: ProviderIdentity, modelId: string): ModelError {
  return buildModelError({ kind: 'auth', vendorMessage: 'no API key is set' }, identity, modelId);
}
