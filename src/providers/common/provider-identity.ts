/**
 * Who a model belongs to, for error messages and hints that tell the user exactly what to do.
 */
export interface ProviderIdentity {
  /** A registry vendor id (provider-registry.ts) or a compatible endpoint id. */
  providerId: string;
  /** "OpenAI", "Anthropic", "Google Gemini", or the endpoint's id. */
  displayName: string;
  /** The variable standalone mode reads the key from, e.g. OPENAI_API_KEY. */
  apiKeyEnvVar?: string;
  /** Secrets to scrub from any text we pass on. */
  secrets: readonly (string | undefined)[];
}
