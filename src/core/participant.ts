import type { LanguageModel } from './language-model';

/** Seed 004: a persona profile a participant may carry. */
export interface Persona {
  id: string;
  name: string;
  /** Expertise tags, lower-case, e.g. ["typescript", "security", "testing"]. */
  expertise: string[];
  /** How it argues, e.g. "skeptical reviewer", "pragmatic integrator". */
  interactionStyle?: string;
  /** Extra system instructions appended to every prompt of this participant. */
  instructions?: string;
  description?: string;
}

/** What a participant is, without the live model: safe to log, send to the panel, or store. */
export interface ParticipantInfo {
  /** Stable within a run, e.g. "openai:gpt-6.2-sol" or "p1"; never shown to other models. */
  id: string;
  provider: string;
  model: string;
  /** Human name for the UI ("GPT-5.1", "Claude Sonnet 4.5"); never shown to other models. */
  displayName: string;
  persona?: Persona;
}

export interface Participant extends ParticipantInfo {
  languageModel: LanguageModel;
}

export function toParticipantInfo(participant: Participant): ParticipantInfo {
  const { languageModel: _model, ...info } = participant;
  return info;
}

/** Vendor family used to label single-vendor runs (openai-compatible endpoints count as their own). */
export function vendorOf(info: Pick<ParticipantInfo, 'provider'>): string {
  return info.provider;
}
