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
  readonly tasksCreated = this.counter('mlo_tasks_created_total', 'Tasks created, by agent type.', [
    'agent_type',
  ]);
  readonly tasksFinished = this.counter(
    'mlo_tasks_finished_total',
    'Tasks finished, by agent type and outcome (completed, failed, cancelled).',
    ['agent_type', 'outcome'],
  );
  readonly leasesLost = this.counter(
    'mlo_task_leases_lost_total',
    'Leases taken back because the agent stopped heartbeating.',
    ['agent_type'],
  );
  readonly toolCalls = this.counter(
    'mlo_tool_calls_total',
    'MCP tool calls, by tool and result (ok, error, refused).',
    ['tool', 'result'],
  );
  readonly queueWait = this.seconds(
    'mlo_task_queue_wait_seconds',
    'From a task becoming available (dependencies done) to an agent leasing it.',
    ['agent_type'],
  );
  readonly processing = this.seconds(
    'mlo_task_processing_seconds',
    'From lease to submit_result.',
    ['agent_type', 'outcome'],
  );

  /** Every metric of this instance lives in its own registry (tests run several in-process). */
  private counter<L extends string>(name: string, help: string, labelNames: L[]): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  private seconds<L extends string>(name: string, help: string, labelNames: L[]): Histogram<L> {
    return new Histogram({ name, help, labelNames, buckets: SECONDS, registers: [this.registry] });
  }

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
