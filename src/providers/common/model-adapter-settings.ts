/** Everything an adapter instance needs, resolved once by createLanguageModel. */
import type { ReasoningEffort } from '../../core/reasoning-effort';
import type { ProviderIdentity } from './provider-identity';
import type { RetryOptions } from './with-retries';

export interface ModelAdapterSettings {
  identity: ProviderIdentity;
  /** Never logged; undefined for keyless endpoints (e.g. local Ollama). */
  apiKey: string | undefined;
  baseUrl: string | undefined;
  idleTimeoutMs: number;
  retry: Pick<RetryOptions, 'maxRetries' | 'retryCapMs' | 'baseDelayMs' | 'onRetry'>;
  /** The participant's reasoning effort; each adapter maps it to its vendor's field. */
  effort?: ReasoningEffort;
  /** A warning or error the vendor's SDK logs (./sdk-logger.ts), its text as the SDK wrote it. */
  onSdkWarning?: (message: string) => void;
}
