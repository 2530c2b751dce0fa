import assert from 'node:assert/strict';
import {
  findAllOccurrences,
  locateOriginalText,
} from '../../src/extension/apply/locate-original-text';

const documentText = 'const a = 1;\nfunction add(x, y) {\n  return x + y;\n}\nconst b = 2;\n';
const selected = 'function add(x, y) {\n  return x + y;\n}';
const selectedAt = documentText.indexOf(selected);
const original = { text: selected, startOffset: selectedAt, version: 3 };

describe('locateOriginalText (apply never overwrites the user)', () => {
  it('uses the original range when the document version did not change', () => {
    const result = locateOriginalText(original, { text: documentText, version: 3 });
    assert.deepEqual(result, {
      kind: 'unchanged',
      startOffset: selectedAt,
      endOffset: selectedAt + selected.length,
    });
  });

  it('finds the selection again after the user typed above it', () => {
    const edited = '// a new header line\n' + documentText;
    const result = locateOriginalText(original, { text: edited, version: 4 });
    assert.equal(result.kind, 'relocated');
    assert.ok(result.kind === 'relocated');
    assert.equal(edited.slice(result.startOffset, result.endOffset), selected);
    assert.equal(result.startOffset, selectedAt + '// a new header line\n'.length);
    assert.equal(result.occurrences, 1);
  });

  it('refuses when the user edited the selected text itself', () => {
    const edited = documentText.replace('return x + y;', 'return x - y; // mine');
    assert.deepEqual(locateOriginalText(original, { text: edited, version: 4 }), {
      kind: 'not-found',
    });
  });

  it('refuses when the selected text was deleted', () => {
    const edited = documentText.replace(selected, '');
    assert.equal(locateOriginalText(original, { text: edited, version: 9 }).kind, 'not-found');
  });

  it('prefers the occurrence nearest the original offset when the text now occurs twice', () => {
    const header = '// header\n';
    const edited = header + documentText + '\n' + selected + '\n';
    const result = locateOriginalText(original, { text: edited, version: 5 });
    assert.ok(result.kind === 'relocated');
    assert.equal(result.occurrences, 2);
    assert.equal(result.startOffset, selectedAt + header.length);
  });

  it('does not trust a stale offset when the version matches but the text differs', () => {
    const shifted = 'x' + documentText;
    const result = locateOriginalText(original, { text: shifted, version: 3 });
    assert.ok(result.kind === 'relocated');
    assert.equal(shifted.slice(result.startOffset, result.endOffset), selected);
  });

  it('never matches an empty selection', () => {
    const empty = { text: '', startOffset: 0, version: 1 };
    assert.equal(locateOriginalText(empty, { text: 'abc', version: 2 }).kind, 'not-found');
    assert.deepEqual(findAllOccurrences('abc', ''), []);
  });

  it('counts overlapping occurrences', () => {
    assert.deepEqual(findAllOccurrences('aaaa', 'aa'), [0, 1, 2]);
  });
});
