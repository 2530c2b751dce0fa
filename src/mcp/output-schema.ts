/**
 * What the tools' output schemas share, and the one way structured content is built from them.
 * tools/list carries every output schema in every agent request (docs/MCP.md "Context
 * footprint"), so a schema gives its fields types, a description only where the name cannot say
 * it, and gives a nested object as one line of type text (`briefly`), or, where another tool's
 * schema spells it out, as a pointer to that tool (`elsewhere`).
 */
import { z } from 'zod';
import type { ToolName } from './tool-profile';
import { pointTo, typeText } from './type-text';

/** The data as the schema advertises it: keys the schema does not name and undefined ones left out. */
export function outputOf<S extends z.ZodObject>(schema: S, value: z.input<S>): z.output<S> {
  return withoutUndefined(schema.parse(value)) as z.output<S>;
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .map(([key, field]) => [key, withoutUndefined(field)]),
  );
}

/** A nested field advertised as its type in one line, still checked and stripped by `schema`. */
export function briefly<S extends z.ZodType>(schema: S): Advertised<S> {
  return advertised(schema, typeText(schema));
}

/** A nested field whose shape the output schema of `where` spells out; checked and stripped by `schema`. */
export function elsewhere<S extends z.ZodType>(schema: S, where: string): Advertised<S> {
  const pointer = advertised(schema, `As in ${where}.`);
  pointTo(pointer, where);
  return pointer;
}

/** `elsewhere` where `owner` is in the same tools/list (ToolContext.listed), else `briefly`. */
export function elsewhereIfListed<S extends z.ZodType>(
  schema: S,
  owner: ToolName,
  listed: ReadonlySet<ToolName> | undefined,
): Advertised<S> {
  return listed?.has(owner) ? elsewhere(schema, owner) : briefly(schema);
}

/**
 * An enum field that gives back one of the tool's own inputs (e.g. outputKind, strategy): typed
 * `string`, its values left to the tool's input schema; still checked by `schema`.
 */
export function echoOfInput<S extends z.ZodEnum>(schema: S): Advertised<S> {
  return (schema as z.ZodType).pipe(
    z.unknown().meta({ type: 'string' }),
  ) as unknown as Advertised<S>;
}

type Advertised<S extends z.ZodType> = z.ZodType<z.output<S>, z.input<S>>;

function advertised<S extends z.ZodType>(schema: S, description: string): Advertised<S> {
  const kind = schema._zod.def.type;
  const type = kind === 'array' ? 'array' : kind === 'enum' ? 'string' : 'object';
  // The SDK converts output schemas in "output" mode, which shows a pipe's second half: the
  // advertised text. Parsing still runs the full schema first.
  const shown = z.unknown().meta({ type, description });
  return (schema as z.ZodType).pipe(shown) as unknown as Advertised<S>;
}

/** A participant's failure (run-output-fields.ts `toFailureOutput`). */
export const failureOutputSchema = z.object({
  participantId: z.string(),
  error: z.string(),
  hint: z.string().optional(),
});
