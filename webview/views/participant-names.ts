/**
 * Names that tell participants apart: two participants with the same display name (say two
 * OpenAI models both shown as "OpenAI") get their model added, so no label reads "A ↔ A".
 */
import type { ParticipantInfo } from '../../src/shared/run-view-state';

export function distinctNames(participants: readonly ParticipantInfo[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const p of participants) counts.set(p.displayName, (counts.get(p.displayName) ?? 0) + 1);
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const p of participants) {
    let name =
      (counts.get(p.displayName) ?? 0) > 1 ? `${p.displayName} (${p.model})` : p.displayName;
    for (let n = 2; used.has(name); n++) name = `${p.displayName} #${n}`;
    used.add(name);
    names.set(p.id, name);
  }
  return names;
}

/** A run of the scripted council (src/providers/simulated/) says so in its status and result. */
export function isSimulatedRun(state: { participants: readonly { provider: string }[] }): boolean {
  return state.participants.some((participant) => participant.provider === 'simulated');
}
