/**
 * Prometheus metrics of seed §8.2 (prom-client): task processing time, queue wait, outcomes,
 * tool calls, and agent utilisation read from Redis at scrape time, so every instance reports
 * the same team-wide agent figures while the counters are per instance.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AgentRegistry } from './agent-registry';

const SECONDS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600];

export class TeamMetrics {
  readonly registry = new Registry();
  readonly tasksCreated = new Counter({
    name: 'mlo_tasks_created_total',
    help: 'Tasks created, by agent type.',
    labelNames: ['agent_type'],
    registers: [this.registry],
  });
  readonly tasksFinished = new Counter({
    name: 'mlo_tasks_finished_total',
    help: 'Tasks finished, by agent type and outcome (completed, failed, cancelled).',
    labelNames: ['agent_type', 'outcome'],
    registers: [this.registry],
  });
  readonly leasesLost = new Counter({
    name: 'mlo_task_leases_lost_total',
    help: 'Leases taken back because the agent stopped heartbeating.',
    labelNames: ['agent_type'],
    registers: [this.registry],
  });
  readonly toolCalls = new Counter({
    name: 'mlo_tool_calls_total',
    help: 'MCP tool calls, by tool and result (ok, error, refused).',
    labelNames: ['tool', 'result'],
    registers: [this.registry],
  });
  readonly queueWait = new Histogram({
    name: 'mlo_task_queue_wait_seconds',
    help: 'From a task becoming available (dependencies done) to an agent leasing it.',
    labelNames: ['agent_type'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  readonly processing = new Histogram({
    name: 'mlo_task_processing_seconds',
    help: 'From lease to submit_result.',
    labelNames: ['agent_type', 'outcome'],
    buckets: SECONDS,
    registers: [this.registry],
  });

  constructor(agents: AgentRegistry) {
    collectDefaultMetrics({ register: this.registry, prefix: 'mlo_process_' });
    new Gauge({
      name: 'mlo_agents',
      help: 'Registered agents that heartbeat within the lease time, by type and status.',
      labelNames: ['agent_type', 'status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const agent of await agents.list()) {
          if (agent.online) this.inc({ agent_type: agent.agent_type, status: agent.status });
        }
      },
    });
  }
}
