import assert from 'node:assert/strict';
import { streamPreview } from '../../webview/stream-preview';

describe('streamPreview (readable live text of structured output)', () => {
  it('shows the product of a half-streamed proposal with its escapes decoded', () => {
    assert.equal(streamPreview('{"product":"a\\n\\tb \\"q\\" \\u00e9'), 'a\n\tb "q" é');
    assert.equal(streamPreview('{"product":"x\\'), 'x');
  });

  it('adds the rationale once it streams, and summarises complete reviews and votes', () => {
    assert.equal(streamPreview('{"product":"p","rationale":"because'), 'p\n— because');
    assert.equal(
      streamPreview('{"reviews":[{"label":"Proposal A","score":7,"critique":["c1","c2"]}]}'),
      'Proposal A: 7/10 — c1 · c2',
    );
    assert.equal(streamPreview('{"vote":"object","reasons":["r"]}'), 'object — r');
  });

  it('shows a half-streamed review as readable text, never raw JSON', () => {
    const partial = '{"reviews":[{"label":"Proposal A","score":7,"critique":["Needs a te';
    assert.equal(streamPreview(partial), 'Proposal A: 7/10 — Needs a te');
    const second = `${partial}st"]},{"label":"Proposal B","sco`;
    assert.equal(streamPreview(second), 'Proposal A: 7/10 — Needs a test\nProposal B: ?/10');
    assert.doesNotMatch(streamPreview(second), /[{}"]/);
  });

  it('reads the schema form too: reviews keyed by label, half-streamed', () => {
    const partial = '{"reviews":{"Proposal B":{"score":5,"critique":["Returns 0 for an em';
    assert.equal(streamPreview(partial), 'Proposal B: 5/10 — Returns 0 for an em');
    const second = `${partial}pty list"]},"Proposal C":{"sc`;
    assert.equal(
      streamPreview(second),
      'Proposal B: 5/10 — Returns 0 for an empty list\nProposal C: ?/10',
    );
    assert.doesNotMatch(streamPreview(second), /[{}"]/);
  });

  it('leaves plain text and unknown JSON as they are', () => {
    assert.equal(streamPreview('Plain answer'), 'Plain answer');
    assert.equal(streamPreview('{"other":1}'), '{"other":1}');
    assert.equal(streamPreview('{"rev'), '{"rev');
  });
});
