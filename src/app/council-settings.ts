/** What the run services read from their host (README.md "Settings"): settings and key access. */
import type { Budget, Thresholds } from '../core/consensus-types';
import type { Persona } from '../core/participant';
import type { ReasoningEffort } from '../core/reasoning-effort';
import type { VendorId } from '../providers/provider-registry';

export interface ParticipantSetting {
  provider: string;
  model: string;
  /** A persona id from CouncilSettings.personas. */
  persona?: string;
  displayName?: string;
  /** Reasoning effort, mapped to the vendor's own parameter by its adapter. */
  effort?: ReasoningEffort;
}

export interface CompatibleEndpointSetting {
  id: string;
  name?: string;
  baseUrl: string;
  /** Default true; local servers such as Ollama need none. */
  apiKeyRequired?: boolean;
}

export interface CouncilSettings {
  participants: ParticipantSetting[];
  personas: Persona[];
  baseUrls: Partial<Record<VendorId, string>>;
  compatibleEndpoints: CompatibleEndpointSetting[];
  maxRounds: number;
  thresholds: Partial<Thresholds>;
  budget?: Budget;
  priceOverrides?: Record<string, { input: number; output: number; cachedInput?: number }>;
  idleTimeoutMs: number;
  /** docs/PROTOCOL.md "Scheduling": straggler deadline factor (off when absent), always run the final phase. */
  scheduling?: { stragglerFactor?: number; alwaysRunFinal?: boolean };
}

export interface CredentialSource {
  getApiKey(providerId: string): Promise<string | undefined>;
  /**
   * How the user sets the key of a provider in this host, e.g. "Set OPENAI_API_KEY" (standalone)
   * or "Run 'Multi-LLM: Set API Key…' for OpenAI" (editor). A default is used when absent.
   */
  howToSetKey?(providerId: string): string;
}
