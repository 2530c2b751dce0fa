/**
 * Identity scrubbing of everything a peer sees (docs/PROTOCOL.md "Scrubbing"): models sign their
 * own work ("As Claude, …", "— GPT-6"), which would unblind the review. Display names, provider
 * names, model ids and model families are replaced by neutral wording before a text enters
 * another participant's prompt (the vote judge's included). Persona names stay. The original is
 * kept for the user and the transcript; `masked` says what was replaced.
 */
import type { ParticipantInfo } from './participant';

/** The neutral wording an identity becomes. */
export const MASK = 'a peer';

/** Families masked whoever sits on the council (with their version and variant suffixes). */
export const KNOWN_FAMILIES: readonly string[] = [
  'chatgpt',
  'gpt',
  'claude',
  'gemini',
  'openai',
  'anthropic',
  'google',
  'deepmind',
];

export interface MaskResult {
  text: string;
  /** The distinct strings that were replaced, in order of first appearance. */
  masked: string[];
}

export type MaskedKind = 'product' | 'prose';

export interface IdentityMasker {
  /**
   * `product` keeps an identity word the user's own task, selection or context contains (code
   * that imports `google.cloud` must stay that code); `prose` (rationales, critiques,
   * suggestions, answers) masks everything.
   */
  mask(text: string, kind?: MaskedKind): MaskResult;
  /** Every term this masker hides (for tests and the docs). */
  readonly terms: readonly string[];
}

const LETTER = '[\\p{L}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "gpt-5.1-mini" -> "gpt", "llama3.3" -> "llama", "qwen3-coder" -> "qwen". */
function familyOf(modelId: string): string | undefined {
  const base = modelId.split('/').at(-1) ?? modelId;
  const match = /^[a-z]{3,}/i.exec(base);
  return match ? match[0].toLowerCase() : undefined;
}

export function identityTerms(participants: readonly ParticipantInfo[]): {
  exact: string[];
  families: string[];
} {
  const personaNames = new Set(
    participants.flatMap((participant) =>
      participant.persona ? [participant.persona.name.trim().toLowerCase()] : [],
    ),
  );
  const families = new Set(KNOWN_FAMILIES);
  const exact = new Set<string>();
  for (const participant of participants) {
    for (const term of [participant.displayName, participant.model, participant.provider]) {
      const trimmed = term?.trim();
      if (trimmed && trimmed.length >= 2) exact.add(trimmed.toLowerCase());
    }
    for (const part of participant.provider.split(/[-_:]/)) {
      if (part.length >= 3) families.add(part.toLowerCase());
    }
    const family = familyOf(participant.model);
    if (family) families.add(family);
  }
  // Persona names stay: they are roles the user chose, not authors.
  const keep = (term: string) => !personaNames.has(term);
  return { exact: [...exact].filter(keep), families: [...families].filter(keep) };
}

export function createIdentityMasker(
  participants: readonly ParticipantInfo[],
  userInput = '',
): IdentityMasker {
  const { exact, families } = identityTerms(participants);
  const exactPart = [...exact]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
  const familyPart = families.map(escapeRegExp).join('|');
  const familyPattern = `(?:${familyPart})(?:[-_ ]?\\d+(?:\\.\\d+)*${LETTER}*)?(?:[-_]${LETTER}+(?:\\.${LETTER}+)*)*s?`;
  const source = `(?<!${LETTER})(?:${exactPart ? `${exactPart}|` : ''}${familyPattern})(?!${LETTER})`;
  const pattern = new RegExp(source, 'giu');
  const input = userInput.toLowerCase();
  return {
    terms: [...exact, ...families],
    mask(text, kind = 'prose') {
      const masked: string[] = [];
      const replaced = text.replace(pattern, (match: string) => {
        if (kind === 'product' && input.includes(match.toLowerCase())) return match;
        if (!masked.includes(match)) masked.push(match);
        return MASK;
      });
      return { text: replaced, masked };
    },
  };
}
