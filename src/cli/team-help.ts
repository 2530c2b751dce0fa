/** Help of the team server commands (`mlo serve`, `mlo agents`), in the invocation's language. */
import * as l10n from '@vscode/l10n';

function teamEnvironment(): string {
  return l10n.t(`Environment:
  REDIS_URL            redis://[user:password@]host:port[/db] or rediss://… for TLS
                       (default redis://127.0.0.1:6379)
  MLO_REDIS_PREFIX     key prefix of this deployment (default mlo); instances with the same
                       REDIS_URL and prefix form one team server
  MLO_LEASE_SECONDS    how long a polled task stays with an agent without a heartbeat (60)
  MLO_COUNCIL_LOCK_SECONDS  how soon another instance marks a council run of a dead instance
                       interrupted (30)
  Council runs use the vendor keys and settings of \`mlo run\` from this environment.
  MLO_AGENT_TYPES      comma-separated agent types
                       (default planning,implementation,testing,documentation)
  MLO_METRICS_TOKEN    when set, GET /metrics asks for "Authorization: Bearer <token>"
  MLO_LANG             language of this output: ja or en (default: LC_ALL, LC_MESSAGES, LANG)`);
}

export function serveHelp(): string {
  return `${l10n.t(`Usage: mlo serve [--host 127.0.0.1] [--port 3000] [--allowed-origin URL]... [--allowed-host NAME]...

Starts the team server: MCP over Streamable HTTP at http://HOST:PORT/mcp, on Redis.
Orchestrator keys get create_task, get_task_status, get_result, list_agents, cancel_task and
the council tools (start_consensus_task, run_consensus_task, consensus_vote, get_task_result);
agent keys get poll_tasks, submit_result, heartbeat; both get get/set_shared_state.
Every request needs "Authorization: Bearer <key>" (keys from \`mlo agents add\`).
GET /health needs no key; GET /metrics (Prometheus) none unless MLO_METRICS_TOKEN is set.
Logs: JSON lines on stderr. Against DNS rebinding, a request is served only when its Host is
localhost, 127.0.0.1, [::1], the --host address or an --allowed-host name (e.g. the public
name behind a reverse proxy), and its Origin, if any, is local or an --allowed-origin one.
SIGTERM / Ctrl-C stops it gracefully.`)}

${teamEnvironment()}
`;
}

export function agentsHelp(): string {
  return `${l10n.t(`Usage:
  mlo agents add --type <orchestrator|agent type> [--id <agent id>]
  mlo agents list [--json]
  mlo agents revoke <agent id>

add prints a new key once; only its hash is stored in Redis. Give it to that agent's MCP
client as the header "Authorization: Bearer <key>". revoke takes effect on the next request.`)}

${teamEnvironment()}
`;
}
