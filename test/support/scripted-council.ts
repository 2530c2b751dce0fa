/**
 * A three-member scripted council (one "vendor" each) for engine tests: the plan decides every
 * product, score, critique and vote per participant, phase and round; `override` injects
 * failures, malformed output or hangs. Reviews answer exactly the labels the prompt shows.
 */
import type { Participant } from '../../src/core/participant';
import type { ImprovementRoom, RatificationVote } from '../../src/core/consensus-types';
import type { TranscriptSink } from '../../src/core/host-services';
import type { TranscriptRecord } from '../../src/core/transcript-record';
import {
  ScriptedLanguageModel,
  type ScriptedCall,
  type ScriptedReply,
} from './scripted-language-model';
import { schemaOnlyReply } from '../fake-vendor/schema-only-council';

export const COUNCIL_IDENTITIES = [
  { id: 'p1', provider: 'openai', model: 'gpt-test-1', displayName: 'GPT Test' },
  { id: 'p2', provider: 'anthropic', model: 'claude-test-2', displayName: 'Claude Test' },
  { id: 'p3', provider: 'google', model: 'gemini-test-3', displayName: 'Gemini Test' },
] as const;

/** The structured-output schema each phase's calls ask for (ratify calls ask 'ratification'). */
export const SCHEMA_OF_PHASE: Record<string, string> = {
  draft: 'draft',
  review: 'review',
  merge: 'merge',
  final: 'final',
  ratify: 'ratification',
};

export interface CouncilPlan {
  /** Product of participant `index` (0-based) for a draft (round 1), merge (round r) or final. */
  product(index: number, phase: 'draft' | 'merge' | 'final', round: number): string;
  /** Score a reviewer gives a product in review round r (default 8). */
  score?(reviewer: number, round: number, product: string): number;
  critique?(reviewer: number, round: number, product: string): string[];
  majorIssues?(reviewer: number, round: number): number;
  improvementRoom?(reviewer: number, round: number): ImprovementRoom;
  ratify?(index: number): RatificationVote;
  /** Return a reply to replace the planned one (failures, malformed output, hangs). */
  override?(index: number, call: ScriptedCall): ScriptedReply | undefined;
  latencyMs?: number;
}

export interface ScriptedCouncil {
  participants: Participant[];
  models: ScriptedLanguageModel[];
}

export function createScriptedCouncil(plan: CouncilPlan, size = 3): ScriptedCouncil {
  const models: ScriptedLanguageModel[] = [];
  const participants: Participant[] = [];
  for (let index = 0; index < size; index++) {
    const identity = COUNCIL_IDENTITIES[index % COUNCIL_IDENTITIES.length]!;
    const id = index < COUNCIL_IDENTITIES.length ? identity.id : `p${index + 1}`;
    const model = new ScriptedLanguageModel({
      provider: identity.provider,
      modelId: identity.model,
      latencyMs: plan.latencyMs ?? 0,
      respond: (call) => plan.override?.(index, call) ?? planned(plan, index, call),
    });
    models.push(model);
    participants.push({
      id,
      provider: identity.provider,
      model: identity.model,
      displayName: identity.displayName,
      languageModel: model,
    });
  }
  return { participants, models };
}

function planned(plan: CouncilPlan, index: number, call: ScriptedCall): ScriptedReply {
  switch (call.schemaName) {
    case 'draft':
      return { json: { product: plan.product(index, 'draft', 1), rationale: `draft ${index}` } };
    case 'merge':
      return {
        json: {
          product: plan.product(index, 'merge', call.nth),
          rationale: `merge ${call.nth}`,
          critiqueResponse: ['accepted: all critique points about edge cases'],
        },
      };
    case 'final':
      return { json: { product: plan.product(index, 'final', call.nth), rationale: 'final' } };
    case 'review':
      return {
        json: {
          reviews: Object.fromEntries(
            call.proposals.map(({ label, product }) => [
              label,
              {
                score: plan.score?.(index, call.nth, product) ?? 8,
                critique: plan.critique?.(index, call.nth, product) ?? [],
                suggestions: ['keep it short'],
                majorIssues: plan.majorIssues?.(index, call.nth) ?? 0,
                agreementOutlook: 'close',
              },
            ]),
          ),
          improvementRoom: plan.improvementRoom?.(index, call.nth) ?? 'none',
        },
      };
    case 'ratification':
      return { json: { vote: plan.ratify?.(index) ?? 'approve', reasons: ['fine'] } };
    default:
      return { text: 'unexpected schema' };
  }
}

/** A transcript sink that keeps every line as the JSON string a JSONL file would hold. */
export class MemoryTranscript implements TranscriptSink {
  readonly lines: string[] = [];
  async append(_runId: string, record: TranscriptRecord): Promise<void> {
    await Promise.resolve();
    this.lines.push(JSON.stringify(record));
  }
  records(): TranscriptRecord[] {
    return this.lines.map((line) => JSON.parse(line) as TranscriptRecord);
  }
}

/** Distinct vocabularies so texts of different rounds/authors really differ under a diff. */
const WORDS = [
  'alpha bravo charlie delta echo foxtrot',
  'golf hotel india juliet kilo lima',
  'mike november oscar papa quebec romeo',
  'sierra tango uniform victor whiskey xray',
  'yankee zulu amber beige coral denim',
  'ember fern ginger hazel ivory jade',
  'khaki lemon mauve navy olive pearl',
  'quartz ruby sage teal umber violet',
  'walnut xenon yellow zinc azure bronze',
];

export function distinctText(key: number, lines = 4): string {
  const words = WORDS[key % WORDS.length]!.split(' ');
  return Array.from(
    { length: lines },
    (_v, i) => `${words[i % words.length]} ${words[(i + 2) % words.length]} ${key}-${i}`,
  ).join('\n');
}

/**
 * A council that never converges: every draft and merge differs (distinctText), scores stay
 * 5 to 7 and every reviewer sees major room to improve, so a run goes to its round cap.
 */
export const DISAGREEING_PLAN: CouncilPlan = {
  product: (index, phase, round) =>
    phase === 'draft' ? distinctText(index) : distinctText(3 * round + index),
  score: (reviewer) => 5 + reviewer,
  critique: (reviewer, round) => [`${distinctText(7 + round, 1)} point of ${reviewer}`],
  improvementRoom: () => 'major',
};

/**
 * The same identities answered in process by the schema-only council
 * (test/fake-vendor/schema-only-council.ts, the responder the fake vendor server uses for
 * `blind` model ids): every structured call gets a value chosen from its JSON schema alone,
 * never from the prompt. `traits[i]` adds adversarial words to member i's model id ("wrong",
 * "selfid", …); the plan's `override` (failures, malformed output, hangs) and `latencyMs`
 * apply as for the scripted council, its products and scores do not.
 */
export function createSchemaOnlyCouncil(
  plan: Pick<CouncilPlan, 'override' | 'latencyMs'> = {},
  size = 3,
  traits: readonly (readonly string[])[] = [],
): ScriptedCouncil {
  const council = createScriptedCouncil({ product: () => '', ...plan }, size);
  council.models.forEach((model, index) => {
    const modelId = [model.modelId, 'blind', ...(traits[index] ?? [])].join('-');
    const participant = council.participants[index]!;
    const replacement = new ScriptedLanguageModel({
      provider: model.provider,
      modelId,
      latencyMs: plan.latencyMs ?? 0,
      respond: (call) =>
        plan.override?.(index, call) ?? {
          text: schemaOnlyReply({ model: modelId, schema: call.request.jsonSchema?.schema }),
        },
    });
    council.models[index] = replacement;
    council.participants[index] = { ...participant, model: modelId, languageModel: replacement };
  });
  return council;
}

/** The two councils the engine suites run against (each assertion says which it needs). */
export const COUNCILS = [
  {
    name: 'the prompt-reading scripted council',
    readsPrompts: true,
    create: createScriptedCouncil,
  },
  {
    name: 'the schema-only council',
    readsPrompts: false,
    create: (plan: CouncilPlan, size = 3) => createSchemaOnlyCouncil(plan, size),
  },
] as const;
