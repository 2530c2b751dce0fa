import { strict as assert } from 'node:assert';
import { progressLine } from '../../src/cli/progress-printer';
import { noticeText } from '../../src/cli/notice-text';

describe('CLI notice lines (English, chosen by the cause)', () => {
  it('says what happened and what to do for no-usable-reviews, from the cause and round only', () => {
    const line = progressLine({
      type: 'notice',
      runId: 'r',
      at: 0,
      notice: {
        cause: 'no-usable-reviews',
        round: 2,
        message: 'a message read back from a file: [x](command:evil)',
        hint: 'anything',
      },
    });
    assert.equal(
      line,
      "notice: no-usable-reviews: The reviews of round 1's merged proposals: no usable review arrived in round 2, so this round has no scores: its score spread is unknown, and it says nothing about agreement or disagreement. What to do: check that the models support structured output (JSON schema), or try other models; the transcript keeps every answer.",
    );
    assert.match(
      noticeText({ cause: 'no-usable-reviews', round: 1 }),
      /^The reviews of the drafts/,
    );
  });

  it('prints only the code and round of a cause it does not know', () => {
    assert.equal(
      noticeText({ cause: 'later-cause' as never, round: 3 }),
      'round 3 (see the transcript)',
    );
  });
});
