/**
 * The footprint budget of issue 14: an agent pays for tools/list in every request, so the
 * default listing (all 13 tools, their schemas and descriptions) stays within 20,000 JSON
 * characters, and the `core` profile is smaller still. A size check, not a timing one: a new
 * described field that would break the budget fails here, not first in `npm run bench`
 * (docs/MCP.md "Context footprint").
 */
import { strict as assert } from 'node:assert';
import { ALL_TOOLS, CORE_TOOLS } from '../../src/mcp/tool-profile';
import { toolsListChars } from './support/tools-list-chars';

const BUDGET_CHARS = 20_000;

describe('tools/list footprint', () => {
  it(`lists the default tool set in at most ${BUDGET_CHARS.toLocaleString('en')} JSON characters`, async () => {
    const full = await toolsListChars();
    assert.equal(full.count, ALL_TOOLS.length);
    assert.ok(
      full.chars <= BUDGET_CHARS,
      `tools/list is ${full.chars} chars, over the ${BUDGET_CHARS} budget`,
    );
  });

  it('lists the core profile in fewer characters than the default set', async () => {
    const [full, core] = await Promise.all([toolsListChars(), toolsListChars('core')]);
    assert.equal(core.count, CORE_TOOLS.length);
    assert.ok(core.chars < full.chars, `core ${core.chars} vs default ${full.chars}`);
  });
});
