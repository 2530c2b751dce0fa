/**
 * What was wrong with a model's structured answer, in words that quote nothing the model wrote.
 * The text goes into results, the panel, notifications' logs and the repair prompt sent back to
 * the model, so a key name or value the model chose (zod's "Unrecognized key: …", V8's JSON
 * errors quoting the input) would let model text travel as our own words (docs/SECURITY.md).
 * Only schema-defined field names (the path of a closed object) and counts are named.
 */
import type { z } from 'zod';

/** A path segment we may name: an array index, or a field name of our own schemas. */
const SCHEMA_FIELD = /^[A-Za-z][A-Za-z0-9]{0,39}$/;

function describePath(path: readonly PropertyKey[]): string {
  const parts = path.map((segment) =>
    typeof segment === 'number'
      ? `[${segment}]`
      : typeof segment === 'string' && SCHEMA_FIELD.test(segment)
        ? `.${segment}`
        : '.(field)',
  );
  const joined = parts.join('').replace(/^\./, '');
  return joined === '' ? 'the answer' : `\`${joined}\``;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = describePath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where} has ${plural(issue.keys.length, 'unexpected field', 'unexpected fields')}`;
    case 'invalid_type':
      return `${where} must be ${issue.expected === 'undefined' ? 'absent' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${where} is not one of the allowed values`;
    case 'too_big':
      return `${where} is too long or too large (at most ${String(issue.maximum)})`;
    case 'too_small':
      return `${where} is too short or too small (at least ${String(issue.minimum)})`;
    case 'invalid_format':
      return `${where} has the wrong format`;
    case 'not_multiple_of':
      return `${where} is not a multiple of ${String(issue.divisor)}`;
    default:
      return `${where} is invalid`;
  }
}

/** "The JSON does not match the required schema: `reviews[0].score` must be a number; …". */
export function describeSchemaIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, 8).map(describeIssue);
  const more = issues.length > shown.length ? `; and ${issues.length - shown.length} more` : '';
  return `The JSON does not match the required schema: ${shown.join('; ')}${more}.`;
}

/** A JSON syntax error, by position only (V8's message quotes the text around it). */
export function describeJsonSyntaxError(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const position = /position (\d+)/.exec(message)?.[1];
  if (text.trim() === '') return 'The answer is empty; a JSON object was required.';
  return position === undefined
    ? 'The answer is not valid JSON.'
    : `The answer is not valid JSON (the error is at character ${position}).`;
}
