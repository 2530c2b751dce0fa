/**
 * Prompt builders of the Consensus Protocol. Markup (CONTRACTS §1) lets a simulated participant
 * read them; neutral labels keep reviewers blind to who wrote what. A prompt about other
 * participants' work never contains a provider or model name.
 */
import type { ChatMessage } from './language-model';
import type { CodeContext, OutputKind, PeerReview } from './consensus-types';
import type { Persona } from './participant';

export interface PromptParts {
  system: string;
  messages: ChatMessage[];
}

export interface TaskFrame {
  task: string;
  outputKind: OutputKind;
  context?: CodeContext;
}

const COUNCIL_RULES = [
  'You are one member of a council of peers from different vendors. No member leads; every member plays the same role.',
  'Work on the substance. Be concrete: name the line, the case, the fix.',
  'Answer only with JSON that matches the schema you are given.',
].join('\n');

export function systemPrompt(persona: Persona | undefined): string {
  if (!persona) return COUNCIL_RULES;
  const lines = [COUNCIL_RULES, '', `Your persona: ${persona.name}.`];
  if (persona.expertise.length > 0) lines.push(`Your expertise: ${persona.expertise.join(', ')}.`);
  if (persona.interactionStyle) lines.push(`Your style: ${persona.interactionStyle}.`);
  if (persona.instructions) lines.push(persona.instructions);
  return lines.join('\n');
}

export function escapeMarkup(text: string): string {
  // Keeps a product from closing our own tags early (e.g. a product containing "</proposal>").
  return text.replace(/<\/(task|selection|context|proposal|review|combined|answer)>/gi, '<\\/$1>');
}

function attribute(value: string): string {
  return value.replace(/[<>"&\n]/g, ' ');
}

export function taskBlock(frame: TaskFrame): string {
  const parts = [`<task>\n${escapeMarkup(frame.task)}\n</task>`];
  const context = frame.context;
  if (context && frame.outputKind === 'code') {
    const language = context.languageId ? ` language="${attribute(context.languageId)}"` : '';
    const path = context.filePath ? ` path="${attribute(context.filePath)}"` : '';
    parts.push(`<selection${language}${path}>\n${escapeMarkup(context.selection)}\n</selection>`);
  } else if (context?.selection) {
    parts.push(`<context>\n${escapeMarkup(context.selection)}\n</context>`);
  }
  if (context?.extra) parts.push(`<context>\n${escapeMarkup(context.extra)}\n</context>`);
  return parts.join('\n\n');
}

function productRule(outputKind: OutputKind): string {
  return outputKind === 'code'
    ? '"product" is the COMPLETE replacement for the selected code below (code only, no fences, no commentary); "rationale" explains your choices.'
    : '"product" is the complete answer or document (markdown allowed); "rationale" explains your choices.';
}

export function draftPrompt(frame: TaskFrame, persona: Persona | undefined): PromptParts {
  return {
    system: systemPrompt(persona),
    messages: [
      {
        role: 'user',
        content: [
          "Phase: independent draft. Write your own proposal for the task below without knowing anyone else's.",
          productRule(frame.outputKind),
          '',
          taskBlock(frame),
        ].join('\n'),
      },
    ],
  };
}

export interface LabelledProposal {
  label: string;
  product: string;
  rationale: string;
}

function proposalBlocks(proposals: LabelledProposal[]): string {
  return proposals
    .map(
      (proposal) =>
        `<proposal label="${proposal.label}">\n${escapeMarkup(proposal.product)}\n</proposal>\n<rationale of="${proposal.label}">\n${escapeMarkup(proposal.rationale)}\n</rationale>`,
    )
    .join('\n\n');
}

export function reviewPrompt(
  frame: TaskFrame,
  persona: Persona | undefined,
  proposals: LabelledProposal[],
): PromptParts {
  return {
    system: systemPrompt(persona),
    messages: [
      {
        role: 'user',
        content: [
          "Phase: cross review. Below are your peers' current proposals under neutral labels. Review every one of them.",
          'For each: "label" exactly as given, "score" 1-10 for how well it solves the task, "critique" (concrete problems), "suggestions" (concrete changes), "majorIssues" (how many critique points are serious defects), "agreementOutlook" ("agree" | "close" | "far": how close it is to what you would accept).',
          'Then "improvementRoom": how much room for improvement remains across the proposals as a whole ("none" | "minor" | "major").',
          '',
          taskBlock(frame),
          '',
          proposalBlocks(proposals),
        ].join('\n'),
      },
    ],
  };
}

export interface ReviewForMerge {
  label: string;
  review: Pick<PeerReview, 'score' | 'critique' | 'suggestions' | 'agreementOutlook'>;
}

export function mergePrompt(
  frame: TaskFrame,
  persona: Persona | undefined,
  ownProposal: LabelledProposal | undefined,
  peerProposals: LabelledProposal[],
  reviews: ReviewForMerge[],
): PromptParts {
  const reviewBlocks = reviews
    .map(
      ({ label, review }) =>
        `<review of="${label}">\nscore: ${review.score}\noutlook: ${review.agreementOutlook}\ncritique:\n${review.critique.map((point) => `- ${escapeMarkup(point)}`).join('\n')}\nsuggestions:\n${review.suggestions.map((point) => `- ${escapeMarkup(point)}`).join('\n')}\n</review>`,
    )
    .join('\n\n');
  return {
    system: systemPrompt(persona),
    messages: [
      {
        role: 'user',
        content: [
          ownProposal
            ? `Phase: merge. ${ownProposal.label} is your own current proposal; the others are your peers'. Reviews of all proposals follow (reviewers are anonymous).`
            : "Phase: merge. Below are the council's current proposals. Reviews of all proposals follow (reviewers are anonymous).",
          'Write ONE merged proposal that keeps the best of all of them and answers the critique. In "critiqueResponse" list which critique points you accepted or rejected, and why.',
          productRule(frame.outputKind),
          '',
          taskBlock(frame),
          '',
          proposalBlocks(ownProposal ? [ownProposal, ...peerProposals] : peerProposals),
          '',
          reviewBlocks,
        ].join('\n'),
      },
    ],
  };
}

export function finalPrompt(
  frame: TaskFrame,
  persona: Persona | undefined,
  proposals: LabelledProposal[],
): PromptParts {
  return {
    system: systemPrompt(persona),
    messages: [
      {
        role: 'user',
        content: [
          'Phase: final version. The council has converged (or reached its round limit). Below are the current merged proposals.',
          'Write the final version built on the points they agree on; where they differ, take the option the council favoured. Do not add new ideas now.',
          productRule(frame.outputKind),
          '',
          taskBlock(frame),
          '',
          proposalBlocks(proposals),
        ].join('\n'),
      },
    ],
  };
}

export function ratificationPrompt(
  frame: TaskFrame,
  persona: Persona | undefined,
  combined: string,
): PromptParts {
  return {
    system: systemPrompt(persona),
    messages: [
      {
        role: 'user',
        content: [
          'Phase: ratification. The finals of all members were combined, without a chair, into the product below.',
          '"vote": "approve", "approve-with-reservations" (say which in "reasons") or "object" (say why in "reasons"; object only to real defects).',
          '',
          taskBlock(frame),
          '',
          `<combined>\n${escapeMarkup(combined)}\n</combined>`,
        ].join('\n'),
      },
    ],
  };
}

export function repairMessage(error: string): ChatMessage {
  return {
    role: 'user',
    content: `Your previous answer could not be used: ${error}\nAnswer again with ONLY the JSON object that matches the schema, nothing else.`,
  };
}

/**
 * A quick poll's prompt is the question (and its context) and nothing more: the answer schema
 * ({answer, reasoning}) says what to return, and a vendor's JSON mode (or the adapter's schema
 * note) enforces it. The council's rules and phase text would double the input of every voter.
 */
export function voteAnswerPrompt(
  question: string,
  context: string | undefined,
  persona: Persona | undefined,
): PromptParts {
  const parts = [`<task>\n${escapeMarkup(question)}\n</task>`];
  if (context) parts.push(`<context>\n${escapeMarkup(context)}\n</context>`);
  return {
    system: persona ? systemPrompt(persona) : '',
    messages: [{ role: 'user', content: parts.join('\n') }],
  };
}

export function voteJudgePrompt(
  question: string,
  answers: { label: string; answer: string }[],
): PromptParts {
  return {
    system:
      'You group answers by meaning. You are not a voter. Answer only with JSON that matches the schema.',
    messages: [
      {
        role: 'user',
        content: [
          'Group the answers below into clusters of answers that mean the same thing (same decision or conclusion, even if worded differently).',
          'Every label must appear in exactly one cluster\'s "members"; "answer" is a short statement of the cluster\'s shared answer.',
          '',
          `<task>\n${escapeMarkup(question)}\n</task>`,
          '',
          answers
            .map(
              ({ label, answer }) =>
                `<answer label="${label}">\n${escapeMarkup(answer)}\n</answer>`,
            )
            .join('\n\n'),
        ].join('\n'),
      },
    ],
  };
}
