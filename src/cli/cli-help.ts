/** The help texts of `mlo` and its commands. */
import { DEFAULT_MODELS } from '../providers/default-models';

const DEFAULT_TRIO = `openai:${DEFAULT_MODELS.openai},anthropic:${DEFAULT_MODELS.anthropic},google:${DEFAULT_MODELS.google}`;

export const ENVIRONMENT_HELP = `Environment:
  OPENAI_API_KEY, OPENAI_BASE_URL           OpenAI key and optional base URL
  ANTHROPIC_API_KEY, ANTHROPIC_BASE_URL     Anthropic key and optional base URL
  GEMINI_API_KEY (or GOOGLE_API_KEY), GEMINI_BASE_URL
                                            Google Gemini key and optional base URL
  MLO_PARTICIPANTS   default participants, comma-separated provider:model
                     (default: the default model of each vendor whose key is set)
  MLO_ENDPOINTS      OpenAI-compatible endpoints, id=baseUrl,… (e.g. ollama=http://127.0.0.1:11434/v1);
                     their keys, if any, in MLO_<ID>_API_KEY
  MLO_DATA_DIR       transcripts folder (default ~/.multi-llm-orchestration/runs)
  MLO_MAX_ROUNDS, MLO_MAX_COST_USD, MLO_IDLE_TIMEOUT_SECONDS`;

export const MAIN_HELP = `mlo — a council of LLMs from different vendors drafts, reviews each other anonymously,
merges and converges on one result.

Usage:
  mlo run <task> [options]       run the consensus protocol; the product goes to stdout
  mlo vote <question> [options]  quick poll with majority / supermajority / unanimous
  mlo models [--json]            list the models each configured provider offers
  mlo mcp                        start the MCP server on stdio (standalone mode)
  mlo serve [--host] [--port]    start the team server (MCP over HTTP, on Redis)
  mlo agents add|list|revoke     issue, list and revoke the team server's agent keys
  mlo <command> --help           help for one command
  mlo --version

Exit codes: 0 success; 1 the run failed, was cancelled or reached no agreement;
2 usage or configuration error.

${ENVIRONMENT_HELP}
`;

export const RUN_HELP = `Usage: mlo run <task> [options]

Runs the consensus protocol: independent drafts, anonymous cross review, merged proposals,
convergence check, finals and ratification. Progress goes to stderr; the agreed product to
stdout (or the whole result with --json). Ctrl-C cancels the run (the transcript is kept).

Options:
  --participants a,b,c     provider:model list (default: MLO_PARTICIPANTS, else ${DEFAULT_TRIO})
  --max-rounds N           1..8 (default 4)
  --output-kind code|text  code: a replacement for the --file content; text: a document (default
                           text, or code with --file)
  --file PATH              use this file's content as the selection to rewrite
  --context TEXT           extra context given to every participant
  --seed N                 seed of the reviewers' shuffles (reproducible label order)
  --max-cost-usd X         stop with status budget before exceeding this estimated cost
  --json                   print the full result as JSON on stdout
  --quiet                  no progress lines on stderr
  -h, --help

Exit codes: 0 unanimous or majority; 1 provisional, deadlock, budget, cancelled or failed;
2 usage or configuration error.
`;

export const VOTE_HELP = `Usage: mlo vote <question> [options]

Polls 2..7 participants in parallel, groups the answers (a judge model that is not a voter,
else local similarity) and applies the strategy. The winning answer goes to stdout.

Options:
  --strategy majority|supermajority|unanimous   (default majority)
  --participants a,b,c     provider:model voters (default: MLO_PARTICIPANTS)
  --judge provider:model   the judge (not among the voters); auto-picked when absent
  --context TEXT           context given to every voter
  --json                   print the full result as JSON on stdout
  --quiet                  no progress lines on stderr
  -h, --help

Exit codes: 0 reached; 1 not reached or failed; 2 usage or configuration error.
`;

export const MODELS_HELP = `Usage: mlo models [--json]

Lists the model ids each provider with a key (and each MLO_ENDPOINTS endpoint) offers.

${ENVIRONMENT_HELP}
`;

export const MCP_HELP = `Usage: mlo mcp

Starts the MCP server on stdio in standalone mode (keys from the environment), for MCP clients
such as Claude Code or Claude Desktop: { "command": "npx", "args": ["mlo", "mcp"] }.
stdout carries only MCP messages; logs go to stderr.

${ENVIRONMENT_HELP}
`;
