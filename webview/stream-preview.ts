/**
 * Participants stream structured JSON ({"product": …, "rationale": …}, {"reviews": […]}, a
 * vote). Raw JSON with escaped newlines is unreadable, so the card shows the fields as text
 * while they stream: partial-json reads the unfinished JSON as far as it goes (strings,
 * arrays and objects cut off mid-way included). The result is only ever used as text.
 */
import { Allow, parse } from 'partial-json';

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function describe(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.product === 'string') {
    const rationale = typeof record.rationale === 'string' ? record.rationale : '';
    return rationale ? `${record.product}\n— ${rationale}` : record.product;
  }
  if (typeof record.reviews === 'object' && record.reviews !== null) {
    // The schema's form is keyed by label (src/core/review-schema.ts); an array with a
    // `label` each is what a vendor ignoring the schema may send.
    const entries: [unknown, unknown][] = Array.isArray(record.reviews)
      ? record.reviews.map((review: unknown) => [(review as { label?: unknown })?.label, review])
      : Object.entries(record.reviews);
    return entries
      .map(([label, review]) => {
        const r = (review ?? {}) as Record<string, unknown>;
        const critique = asStrings(r.critique).join(' · ');
        return `${String(label ?? '?')}: ${String(r.score ?? '?')}/10${critique ? ` — ${critique}` : ''}`;
      })
      .join('\n');
  }
  if (typeof record.vote === 'string') {
    const reasons = asStrings(record.reasons).join(' · ');
    return reasons ? `${record.vote} — ${reasons}` : record.vote;
  }
  if (typeof record.answer === 'string') return record.answer;
  return undefined;
}

export function streamPreview(text: string): string {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{')) return text;
  let value: unknown;
  try {
    value = parse(trimmed, Allow.ALL);
  } catch {
    return text;
  }
  return describe(value) ?? text;
}
