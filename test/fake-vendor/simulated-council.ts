/**
 * The default responder of the fake vendor server: a deterministic "simulated council" member.
 * It reads the engine's prompt markup (src/core/consensus-prompts.ts) and answers every structured-output schema
 * validly, so app/MCP/CLI/e2e tests and the labelled demo can run a whole council offline.
 * Every rationale says "(simulated)" so nobody mistakes the demo for a real model.
 */

import { INPUT_MARKER } from '../../src/core/consensus-prompts';

export type SchemaName =
  'draft' | 'merge' | 'final' | 'review' | 'ratification' | 'vote_answer' | 'vote_clusters';

export interface SimulatedCall {
  model: string;
  /** Every user message, in order (where the engine puts the task and the peers' work). */
  prompt: string;
  /** Read only when the user messages carry no <task>: instructions may quote example markup. */
  system?: string;
  schemaName?: string;
  schema?: unknown;
}

const SCHEMA_NAMES: readonly SchemaName[] = [
  'draft',
  'merge',
  'final',
  'review',
  'ratification',
  'vote_answer',
  'vote_clusters',
];

/** Reply text for one call: JSON for a structured call, prose otherwise. */
export function simulateCouncilReply(call: SimulatedCall): string {
  const schemaName = resolveSchemaName(call.schemaName, call.schema);
  if (schemaName === 'review' && reviewsKeyedByLabel(call.schema)) {
    const markup = readPromptMarkup(call.prompt);
    const answer = structuredAnswer('review', markup) as { reviews: { label: string }[] };
    return JSON.stringify({
      ...answer,
      reviews: Object.fromEntries(answer.reviews.map(({ label, ...entry }) => [label, entry])),
    });
  }
  const fromUser = readPromptMarkup(call.prompt);
  const markup =
    fromUser.task === undefined && call.system !== undefined
      ? readPromptMarkup(`${call.system}\n${call.prompt}`)
      : fromUser;
  if (schemaName === undefined) return plainAnswer(markup);
  // A quick vote without context sends the bare question (docs/PROTOCOL.md "Embedding").
  if (schemaName === 'vote_answer' && markup.task === undefined)
    return JSON.stringify(structuredAnswer(schemaName, { ...markup, task: call.prompt }));
  return JSON.stringify(structuredAnswer(schemaName, markup));
}

/**
 * Anthropic's and Gemini's JSON modes carry no schema name on the wire, so the name is also
 * recognised from the schema's property names.
 */
export function resolveSchemaName(
  name: string | undefined,
  schema: unknown,
): SchemaName | undefined {
  if (name !== undefined && (SCHEMA_NAMES as readonly string[]).includes(name)) {
    return name as SchemaName;
  }
  const properties = propertyNames(schema);
  if (properties.length === 0) return undefined;
  const has = (key: string) => properties.includes(key);
  if (has('reviews')) return 'review';
  if (has('vote')) return 'ratification';
  if (has('clusters')) return 'vote_clusters';
  if (has('answer') && has('reasoning')) return 'vote_answer';
  if (has('critiqueResponse')) return 'merge';
  if (has('product')) return 'draft';
  return undefined;
}

/** The engine's review schema: `reviews` is an object with one property per shown label. */
function reviewsKeyedByLabel(schema: unknown): boolean {
  const reviews = (schema as { properties?: { reviews?: { type?: unknown } } } | undefined)
    ?.properties?.reviews;
  return reviews?.type === 'object';
}

function propertyNames(schema: unknown): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const properties = (schema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return [];
  return Object.keys(properties);
}

export interface PromptMarkup {
  task: string | undefined;
  selection: string | undefined;
  proposals: { label: string; body: string }[];
  combined: string | undefined;
  answers: { label: string; body: string }[];
}

/**
 * The engine's prompts carry their input as one JSON document after INPUT_MARKER; older
 * callers (and some tests) still send the tag markup, read as before.
 */
export function readPromptMarkup(prompt: string): PromptMarkup {
  const at = prompt.indexOf(INPUT_MARKER);
  if (at >= 0) {
    const document = parseDocument(prompt.slice(at + INPUT_MARKER.length));
    if (document) return markupOfDocument(document);
  }
  return {
    task: firstElement(prompt, 'task')?.body,
    selection: firstElement(prompt, 'selection')?.body,
    proposals: allElements(prompt, 'proposal').map((element) => ({
      label: element.attributes.label ?? 'Proposal',
      body: element.body,
    })),
    combined: firstElement(prompt, 'combined')?.body,
    answers: allElements(prompt, 'answer').map((element) => ({
      label: element.attributes.label ?? 'Voter',
      body: element.body,
    })),
  };
}

interface InputDocument {
  task?: string;
  selection?: { code?: string };
  combined?: string;
  proposals?: { label?: string; product?: string }[];
  answers?: { label?: string; answer?: string }[];
}

function parseDocument(text: string): InputDocument | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as InputDocument) : undefined;
  } catch {
    return undefined;
  }
}

function markupOfDocument(document: InputDocument): PromptMarkup {
  return {
    task: typeof document.task === 'string' ? document.task : undefined,
    selection: document.selection?.code,
    proposals: (document.proposals ?? []).map((item) => ({
      label: item.label ?? 'Proposal',
      body: item.product ?? '',
    })),
    combined: document.combined,
    answers: (document.answers ?? []).map((item) => ({
      label: item.label ?? 'Answer',
      body: item.answer ?? '',
    })),
  };
}

interface Element {
  attributes: Record<string, string>;
  body: string;
}

function allElements(text: string, tag: string): Element[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[a-zA-Z-]+="[^"]*")*)\\s*>([\\s\\S]*?)</${tag}>`, 'g');
  const elements: Element[] = [];
  for (const match of text.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const attribute of (match[1] ?? '').matchAll(/([a-zA-Z-]+)="([^"]*)"/g)) {
      attributes[attribute[1] ?? ''] = attribute[2] ?? '';
    }
    elements.push({ attributes, body: trimOuterNewlines(match[2] ?? '') });
  }
  return elements;
}

function firstElement(text: string, tag: string): Element | undefined {
  return allElements(text, tag)[0];
}

/** Markup puts the body on its own lines; the product must not gain or lose inner lines. */
function trimOuterNewlines(body: string): string {
  return body.replace(/^\r?\n/, '').replace(/\r?\n$/, '');
}

function taskFirstLine(markup: PromptMarkup): string {
  const line = (markup.task ?? '').split(/\r?\n/).find((candidate) => candidate.trim() !== '');
  return line?.trim() ?? 'the task';
}

/** The council's product: the selection with one comment line on top, or a one-line answer. */
function councilProduct(markup: PromptMarkup): string {
  if (markup.selection !== undefined) {
    return `// council: ${taskFirstLine(markup)}\n${markup.selection}`;
  }
  const firstProposal = markup.proposals[0]?.body;
  if (firstProposal !== undefined) return firstProposal;
  if (markup.combined !== undefined) return markup.combined;
  return `Council answer: ${taskFirstLine(markup)}`;
}

function plainAnswer(markup: PromptMarkup): string {
  if (markup.task === undefined) return 'Hello from a simulated model (simulated).';
  return councilProduct(markup);
}

function structuredAnswer(schemaName: SchemaName, markup: PromptMarkup): unknown {
  switch (schemaName) {
    case 'draft':
    case 'final':
      return {
        product: councilProduct(markup),
        rationale: '(simulated) A deterministic answer from the simulated council.',
      };
    case 'merge':
      return {
        product: councilProduct(markup),
        rationale: '(simulated) Merged the proposals; they already agreed.',
        critiqueResponse: markup.proposals.map(
          (proposal) => `(simulated) Kept the strengths of ${proposal.label}.`,
        ),
      };
    case 'review':
      return {
        reviews: markup.proposals.map((proposal) => ({
          label: proposal.label,
          score: 9,
          critique: [`(simulated) ${proposal.label} addresses the task.`],
          suggestions: [],
          majorIssues: 0,
          agreementOutlook: 'agree',
        })),
        improvementRoom: 'none',
      };
    case 'ratification':
      return {
        vote: 'approve',
        reasons: ['(simulated) The combined product addresses the task.'],
      };
    case 'vote_answer':
      return {
        answer: `Council answer: ${taskFirstLine(markup)}`,
        reasoning: '(simulated) Every simulated voter gives the same answer.',
      };
    case 'vote_clusters':
      return { clusters: clusterAnswers(markup.answers) };
  }
}

function clusterAnswers(
  answers: { label: string; body: string }[],
): { answer: string; members: string[] }[] {
  const clusters = new Map<string, string[]>();
  for (const answer of answers) {
    const key = answer.body.trim();
    clusters.set(key, [...(clusters.get(key) ?? []), answer.label]);
  }
  return [...clusters].map(([answer, members]) => ({ answer, members }));
}
