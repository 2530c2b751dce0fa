/**
 * A zod schema as one line of TypeScript-style type text, e.g. `{id: string, tags?: string[]}[]`:
 * how output-schema.ts advertises a nested object in about a third of its JSON Schema size.
 * It knows the kinds the output schemas use and throws on any other, so a new kind cannot be
 * advertised wrongly.
 */
import type { z } from 'zod';

interface Def {
  type: string;
  entries?: Record<string, string | number>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => schema._zod.def as unknown as Def;

/** Fields another tool's output schema spells out (output-schema.ts `elsewhere`): tool named. */
const pointers = new WeakMap<z.ZodType, string>();

export function pointTo(schema: z.ZodType, where: string): void {
  pointers.set(schema, where);
}

export function typeText(schema: z.ZodType): string {
  const where = pointers.get(schema);
  if (where !== undefined) return `${defOf(defOf(schema).in!).type} as in ${where}`;
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
    case 'unknown':
      return def.type;
    case 'enum':
      return Object.values(def.entries!)
        .map((value) => `'${value}'`)
        .join('|');
    case 'optional':
      return typeText(def.innerType!);
    case 'nullable':
      return `${typeText(def.innerType!)}|null`;
    case 'union':
      return def.options!.map(typeText).join('|');
    case 'pipe':
      return typeText(def.in!);
    case 'record':
      return `Record<${typeText(def.keyType!)}, ${typeText(def.valueType!)}>`;
    case 'array': {
      const element = typeText(def.element!);
      return element.includes('|') && !element.startsWith('{') ? `(${element})[]` : `${element}[]`;
    }
    case 'object':
      return `{${Object.entries(def.shape!)
        .map(([key, field]) => `${key}${isOptional(field) ? '?' : ''}: ${typeText(field)}`)
        .join(', ')}}`;
    default:
      throw new Error(`typeText: no text for a zod "${def.type}"`);
  }
}

function isOptional(schema: z.ZodType): boolean {
  return defOf(schema).type === 'optional';
}
