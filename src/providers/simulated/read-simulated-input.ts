/** The engine's input document (after INPUT_MARKER) of a request, read as data. */
import { INPUT_MARKER } from '../../core/consensus-prompts';
import type { ModelRequest } from '../../core/language-model';

export interface SimulatedInput {
  task: string;
  selection?: string;
  proposals: { label: string; product: string }[];
  reviews: { of: string; critique: string[] }[];
  answers: { label: string; answer: string }[];
  /** The merger's own label ("In the input, Proposal B is your own current proposal"). */
  ownLabel?: string;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((item) => typeof item === 'object' && item !== null) : [];

export function readSimulatedInput(request: ModelRequest): SimulatedInput {
  const message = request.messages.find(
    (m) => m.role === 'user' && m.content.includes(INPUT_MARKER),
  );
  const content = message?.content ?? '';
  let document: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(
      content.slice(content.indexOf(INPUT_MARKER) + INPUT_MARKER.length),
    );
    if (typeof parsed === 'object' && parsed !== null) document = parsed as Record<string, unknown>;
  } catch {
    // Not one of the engine's prompts: answer from the task alone.
  }
  const selection = (document.selection as { code?: unknown } | undefined)?.code;
  const own = /In the input, (\S+ \S+) is your own current proposal/.exec(content)?.[1];
  return {
    task: str(document.task) || content,
    ...(typeof selection === 'string' ? { selection } : {}),
    proposals: list(document.proposals).map((p) => ({
      label: str(p.label),
      product: str(p.product),
    })),
    reviews: list(document.reviews).map((r) => ({
      of: str(r.of),
      critique: Array.isArray(r.critique) ? r.critique.map(str) : [],
    })),
    answers: list(document.answers).map((a) => ({ label: str(a.label), answer: str(a.answer) })),
    ...(own ? { ownLabel: own } : {}),
  };
}
