/**
 * The help texts of `mlo` and its commands, in the invocation's language (cli-language.ts):
 * each is built when asked for, after the language is chosen.
 */
import { resolve } from 'node:path';
import * as l10n from '@vscode/l10n';
import { DEFAULT_MODELS, defaultCouncilSpecs, VENDORS } from '../providers/provider-registry';

/** This command's own file (dist/cli.js), the path MCP clients should run. */
const CLI_FILE = process.argv[1] ? resolve(process.argv[1]) : '/path/to/dist/cli.js';

const HELP_COLUMN = 44;

/** One help line per vendor: its key variables and base URL variable, then what they are. */
function vendorEnvironmentLine(vendor: (typeof VENDORS)[number]): string {
  const [first, ...others] = vendor.apiKeyEnvVars;
  const names = `  ${first}${others.length > 0 ? ` (or ${others.join(', ')})` : ''}, ${vendor.baseUrlEnvVar}`;
  const meaning = l10n.t('{0} key and optional base URL', vendor.displayName);
  return names.length < HELP_COLUMN
    ? names.padEnd(HELP_COLUMN) + meaning
    : `${names}\n${' '.repeat(HELP_COLUMN)}${meaning}`;
}

export function environmentHelp(): string {
  return l10n.t(
    `Environment:
{0}
  MLO_PARTICIPANTS   default participants, comma-separated provider:model[@effort]
                     (effort: none|minimal|low|medium|high|xhigh|max, the vendor's reasoning
                     effort; default: the default model of each vendor whose key is set)
  MLO_ENDPOINTS      OpenAI-compatible endpoints, id=baseUrl,… (e.g. ollama=http://127.0.0.1:11434/v1);
                     their keys, if any, in MLO_<ID>_API_KEY
  MLO_DATA_DIR       transcripts folder (default ~/.multi-llm-orchestration/runs)
  MLO_MAX_ROUNDS, MLO_MAX_COST_USD, MLO_IDLE_TIMEOUT_SECONDS
  MLO_STRAGGLER_FACTOR  straggler deadline factor (off by default)
  MLO_TOOLS          MCP tools to list: core, full (default) or a comma list
  MLO_LANG           language of this output: ja or en (default: LC_ALL, LC_MESSAGES, LANG)`,
    VENDORS.map(vendorEnvironmentLine).join('\n'),
  );
}

export function mainHelp(): string {
  return `${l10n.t(`mlo — a council of LLMs from different vendors drafts, reviews each other anonymously,
merges and converges on one result.

Usage:
  mlo run <task> [options]       run the consensus protocol; the product goes to stdout
  mlo vote <question> [options]  quick poll with majority / supermajority / unanimous
  mlo models [--json]            list the models each configured provider offers
  mlo mcp                        start the MCP server on stdio (standalone mode)
  mlo serve [--host] [--port]    start the team server (MCP over HTTP, on Redis)
  mlo agents add|list|revoke     issue, list and revoke the team server's agent keys
  mlo <command> --help           help for one command
  --raw                          (any command) print model text to a terminal unchanged; by
                                 default control sequences in it are shown as \\xNN, not run
  mlo --version

Exit codes: 0 success; 1 the run failed, was cancelled or reached no agreement;
2 usage or configuration error; 3 success, but the transcript could not be fully written.`)}

${environmentHelp()}
`;
}

export function runHelp(): string {
  return `${l10n.t(
    `Usage: mlo run <task> [options]

Runs the consensus protocol: independent drafts, anonymous cross review, merged proposals,
convergence check, finals and ratification. Progress goes to stderr; the agreed product to
stdout (or the whole result with --json). Ctrl-C stops with the best proposal so far (status
provisional); a second Ctrl-C cancels the run (the transcript is kept either way).

Options:
  --participants a,b,c     provider:model[@effort] list, e.g. openai:{0}@high
                           (default: MLO_PARTICIPANTS, else {1})
  --max-rounds N           1..8 (default 4)
  --output-kind code|text  code: a replacement for the --file content; text: a document (default
                           text, or code with --file)
  --file PATH              use this file's content as the selection to rewrite
  --context TEXT           extra context given to every participant
  --seed N                 seed of the reviewers' shuffles (reproducible label order)
  --max-cost-usd X         stop with status budget before exceeding this estimated cost; a model
                           no price source knows is held to a token budget instead (warned first)
  --json                   print the full result as JSON on stdout
  --quiet                  no progress lines on stderr
  -h, --help

Exit codes: 0 unanimous or majority; 3 the same, but the transcript is incomplete (disk full);
1 provisional, deadlock, budget, cancelled or failed;
2 usage or configuration error.`,
    DEFAULT_MODELS.openai,
    defaultCouncilSpecs().join(','),
  )}
`;
}

export function voteHelp(): string {
  return `${l10n.t(`Usage: mlo vote <question> [options]

Polls 2..7 participants in parallel, groups the answers (a judge model that is not a voter,
else local similarity) and applies the strategy. The winning answer goes to stdout. A vote has
no best so far: Ctrl-C cancels it (not reached, exit 1; the transcript is kept); a second
Ctrl-C quits at once.

Options:
  --strategy majority|supermajority|unanimous   (default majority)
  --participants a,b,c     provider:model voters (default: MLO_PARTICIPANTS)
  --judge provider:model   the judge (not among the voters); auto-picked when absent
  --context TEXT           context given to every voter
  --json                   print the full result as JSON on stdout
  --quiet                  no progress lines on stderr
  -h, --help

Exit codes: 0 reached; 1 not reached or failed; 2 usage or configuration error;
3 reached, but the transcript is incomplete (disk full).`)}
`;
}

export function modelsHelp(): string {
  return `${l10n.t(`Usage: mlo models [--json]

Lists the models each provider with a key (and each MLO_ENDPOINTS endpoint) offers, with the
lifecycle the vendor's list gives (deprecated, shutdown date), then warns on stderr about each
configured participant that is deprecated, retired or not listed (change MLO_PARTICIPANTS).`)}

${environmentHelp()}
`;
}

export function mcpHelp(): string {
  return `${l10n.t(
    `Usage: mlo mcp

Starts the MCP server on stdio in standalone mode (keys from the environment), for MCP clients
such as Claude Code, Claude Desktop or Cursor. Point the client at this file by its path:
  claude mcp add multi-llm -- node {0} mcp
or, in a client's JSON config: {1}.
(Not "npx mlo": the npm package named "mlo" is an unrelated project.)
stdout carries only MCP messages; logs go to stderr.`,
    CLI_FILE,
    // (a placeholder: @vscode/l10n would read the braces of literal JSON as one)
    `{ "command": "node", "args": [${JSON.stringify(CLI_FILE)}, "mcp"] }`,
  )}

${environmentHelp()}
`;
}
