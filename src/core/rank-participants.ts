/**
 * Seed 004's capability query: which participants (by their personas' expertise) fit a task.
 * Required skills weigh most; words of the task that name an expertise tag count too.
 */
import type { ParticipantMatch } from './engine-api-types';
import type { ParticipantInfo } from './participant';

export function rankParticipantsForTask(
  task: string,
  requiredSkills: string[],
  participants: ParticipantInfo[],
): ParticipantMatch[] {
  const taskWords = new Set(words(task));
  const required = requiredSkills.map((skill) => skill.trim().toLowerCase()).filter(Boolean);
  return participants
    .map((participant) => {
      const tags = (participant.persona?.expertise ?? []).map((tag) => tag.toLowerCase());
      const matchedRequired = required.filter((skill) =>
        tags.some((tag) => tag === skill || tag.includes(skill) || skill.includes(tag)),
      );
      const matchedFromTask = tags.filter((tag) => words(tag).every((word) => taskWords.has(word)));
      const requiredScore = required.length === 0 ? 0 : matchedRequired.length / required.length;
      const taskScore =
        tags.length === 0 ? 0 : Math.min(1, matchedFromTask.length / Math.min(tags.length, 3));
      const score = required.length === 0 ? taskScore : 0.7 * requiredScore + 0.3 * taskScore;
      const matchedSkills = [...new Set([...matchedRequired, ...matchedFromTask])];
      const name = participant.persona?.name ?? participant.displayName;
      const recommendation =
        matchedSkills.length > 0
          ? `${name} fits: ${matchedSkills.join(', ')}.`
          : participant.persona
            ? `${name} has no listed expertise matching this task; a generalist seat.`
            : `${participant.displayName} has no persona; a generalist seat.`;
      return { participant, score: Math.round(score * 1000) / 1000, matchedSkills, recommendation };
    })
    .sort((a, b) => b.score - a.score || (a.participant.id < b.participant.id ? -1 : 1));
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#.-]+/u)
    .filter((word) => word.length > 1);
}
