/**
 * Issue 15 acceptance 4 and 5: the MCP set-up commands the README shows for Claude Code and for
 * Cursor, run exactly as written (only the placeholder path replaced by this checkout, from an
 * empty working folder with a clean environment), start this project's own server; and its
 * `initialize` declares only the capabilities it serves.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { buildOnce, ROOT } from './support/build-once';
import { baseEnvironment } from './support/spawn-client';

const PLACEHOLDER = '/path/to/multi-llm-orchestration';
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The server command of the README's `claude mcp add` line (what Claude Code will run). */
function claudeCodeCommand(): string[] {
  const line = README.split('\n').find((text) =>
    text.trim().startsWith('claude mcp add multi-llm'),
  );
  assert.ok(line, 'the README shows a claude mcp add line');
  const command = line.split(' -- ')[1];
  assert.ok(command, 'the line has a server command after --');
  return command.trim().split(/\s+/);
}

/** The command and args of the README's Cursor JSON snippet. */
function cursorCommand(): string[] {
  const snippet = /`(\{ "mcpServers": .*\})`/.exec(README)?.[1];
  assert.ok(snippet, 'the README shows a Cursor mcp.json snippet');
  const config = JSON.parse(snippet) as {
    mcpServers: Record<string, { command: string; args: string[] }>;
  };
  const server = config.mcpServers['multi-llm'];
  assert.ok(server);
  return [server.command, ...server.args];
}

async function initialize(argv: string[]) {
  const cwd = mkdtempSync(join(tmpdir(), 'mlo-readme-'));
  const [command, ...args] = argv.map((part) => part.replace(PLACEHOLDER, ROOT));
  const transport = new StdioClientTransport({
    command: command!,
    args,
    cwd,
    env: baseEnvironment(),
    stderr: 'pipe',
  });
  const client = new Client({ name: 'readme-test', version: '1.0.0' });
  try {
    await client.connect(transport);
    const tools = await client.listTools();
    return {
      info: client.getServerVersion(),
      capabilities: client.getServerCapabilities(),
      tools: tools.tools,
    };
  } finally {
    await client.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}

describe('the README MCP set-up', function () {
  this.timeout(60_000);
  before(() => buildOnce());

  it('never recommends the unrelated npm package "mlo"', () => {
    assert.doesNotMatch(README, /"command":\s*"npx"/);
    assert.doesNotMatch(README, /^\s*(claude mcp add \S+ -- )?npx mlo/m);
    assert.deepEqual(claudeCodeCommand().slice(-2), [`${PLACEHOLDER}/dist/cli.js`, 'mcp']);
  });

  for (const [client, argv] of [
    ['Claude Code', claudeCodeCommand],
    ['Cursor', cursorCommand],
  ] as const) {
    it(`${client}: the command shown starts this project's server`, async () => {
      const { info, capabilities, tools } = await initialize(argv());
      assert.equal(info?.name, 'multi-llm-orchestration');
      assert.equal(info?.title, 'Multi-LLM Orchestration');
      assert.match(String(info?.icons?.[0]?.src), /^data:image\/svg\+xml;base64,/);
      assert.ok(tools.some((tool) => tool.name === 'run_consensus_task'));
      // Only what it serves: no logging (it logs to stderr), no completions, no tasks.
      assert.deepEqual(Object.keys(capabilities ?? {}).sort(), ['prompts', 'resources', 'tools']);
    });
  }
});
