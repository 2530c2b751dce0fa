/**
 * A client may show a progress notification's message as its progress title, so it carries our
 * own words, labels and figures only: never a vendor's error text, a model's answer or a model
 * id from settings (docs/SECURITY.md).
 */
import { strict as assert } from 'node:assert';
import type { RunEvent } from '../../src/core/run-events';
import { progressMessage } from '../../src/mcp/progress-reporter';

const LINK = '[x](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)';
const HOSTILE_ID = `openai:gpt-6.2-sol${LINK}`;
const base = { runId: 'run-1', at: 0 };

const events: RunEvent[] = [
  {
    ...base,
    type: 'abstained',
    abstention: {
      participantId: HOSTILE_ID,
      phase: 'review',
      round: 1,
      error: {
        kind: 'model-not-found',
        message: `The model ${LINK} does not exist`,
        provider: 'openai',
        modelId: `gpt-6.2-sol${LINK}`,
        hint: `Pick another model ${LINK}`,
      },
    },
  },
  { ...base, type: 'vote-cast', participantId: HOSTILE_ID, answer: `Tabs ${LINK}` },
];

describe('MCP progress messages', () => {
  it('say a drop-out and a vote in our own words, without the vendor text or the model id', () => {
    const messages = events.map((event) => progressMessage(event) ?? '');
    assert.deepEqual(messages, [
      'a participant dropped out in review (model-not-found); the result names who and why',
      'a vote was cast',
    ]);
    for (const message of messages) {
      assert.doesNotMatch(message, /command:|gpt-6|Tabs|\[|\]/);
    }
  });
});
