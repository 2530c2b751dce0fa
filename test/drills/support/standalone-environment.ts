/** The environment of a standalone `mlo` / dist/mcp-server.js child pointed at local vendors. */
import { baseEnvironment } from '../../mcp/support/spawn-client';

export interface VendorBaseUrls {
  openai: string;
  anthropic: string;
  google: string;
}

export interface VendorKeys {
  openai: string;
  anthropic: string;
  google: string;
}

export const DRILL_PARTICIPANTS = 'openai:gpt-sim,anthropic:claude-sim,google:gemini-sim';

export function standaloneEnvironment(
  baseUrls: VendorBaseUrls,
  keys: VendorKeys,
  dataDir: string,
): Record<string, string> {
  return {
    ...baseEnvironment(),
    OPENAI_API_KEY: keys.openai,
    OPENAI_BASE_URL: baseUrls.openai,
    ANTHROPIC_API_KEY: keys.anthropic,
    ANTHROPIC_BASE_URL: baseUrls.anthropic,
    GEMINI_API_KEY: keys.google,
    GEMINI_BASE_URL: baseUrls.google,
    MLO_PARTICIPANTS: DRILL_PARTICIPANTS,
    MLO_DATA_DIR: dataDir,
  };
}
