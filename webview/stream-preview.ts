/**
 * Participants stream structured JSON ({"product": …, "rationale": …}). Showing raw JSON with
 * escaped newlines is unreadable, so the card shows the fields as text while they stream,
 * decoding the unfinished JSON string as far as it goes. The result is only ever used as
 * textContent.
 */

function partialStringField(text: string, key: string): string | undefined {
  const match = new RegExp(`"${key}"\\s*:\\s*"`).exec(text);
  if (!match) return undefined;
  let out = '';
  for (let i = match.index + match[0].length; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') break;
    if (char !== '\\') {
      out += char;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break;
    if (next === 'u') {
      const hex = text.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 5;
      continue;
    }
    out += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '' : next;
    i++;
  }
  return out;
}

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
  if (Array.isArray(record.reviews)) {
    return record.reviews
      .map((review: unknown) => {
        const r = (review ?? {}) as Record<string, unknown>;
        const critique = asStrings(r.critique).join(' · ');
        return `${String(r.label ?? '?')}: ${String(r.score ?? '?')}/10${critique ? ` — ${critique}` : ''}`;
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
  try {
    return describe(JSON.parse(trimmed)) ?? text;
  } catch {
    // Still streaming: fall through to the partial decoder.
  }
  const product = partialStringField(trimmed, 'product') ?? partialStringField(trimmed, 'answer');
  if (product === undefined) return text;
  const rationale = partialStringField(trimmed, 'rationale');
  return rationale ? `${product}\n— ${rationale}` : product;
}
