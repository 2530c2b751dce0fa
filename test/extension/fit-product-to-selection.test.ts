import assert from 'node:assert/strict';
import { fitProductToSelection } from '../../src/extension/apply/fit-product-to-selection';

describe('fitProductToSelection (the line after the selection stays on its own line)', () => {
  it('restores the final line break a model dropped', () => {
    assert.equal(fitProductToSelection('a();\nb();\n', 'x();\ny();'), 'x();\ny();\n');
  });

  it('keeps Windows line endings at the end', () => {
    assert.equal(fitProductToSelection('a();\r\n', 'x();\n'), 'x();\r\n');
  });

  it('drops a final line break the selection did not have', () => {
    assert.equal(fitProductToSelection('a + b', 'b + a\n'), 'b + a');
  });

  it('leaves a product that already ends like the selection unchanged', () => {
    assert.equal(fitProductToSelection('a\n', 'b\n\n'), 'b\n\n');
    assert.equal(fitProductToSelection('a', 'b'), 'b');
  });
});
