/**
 * Agent records (the seed's agent object): registered on an agent's first call, refreshed by
 * every poll and heartbeat. An agent whose heartbeat is older than the lease counts as gone.
 */
import type { Redis } from 'ioredis';
import { RedisKeyspace } from './redis-keyspace';

export interface AgentRecord {
  agent_id: string;
  agent_type: string;
  status: 'idle' | 'active';
  last_heartbeat: string;
  capabilities: string[];
  current_task_id: string | null;
  /** Every task this agent holds a lease on (current_task_id is the first). */
  current_task_ids: string[];
  /** False when no heartbeat came within the lease time. */
  online: boolean;
}

type Stored = Omit<AgentRecord, 'online'>;

export class AgentRegistry extends RedisKeyspace {
  constructor(
    redis: Redis,
    prefix: string,
    private readonly leaseMs: number,
  ) {
    super(redis, prefix);
  }

  private get key(): string {
    return this.redisKey('agents');
  }

  private view(stored: Stored): AgentRecord {
    const online = Date.now() - Date.parse(stored.last_heartbeat) <= this.leaseMs;
    // Silent past the lease: its leases are expired (BullMQ takes the tasks back), so it holds none.
    if (!online)
      return { ...stored, status: 'idle', current_task_id: null, current_task_ids: [], online };
    return { ...stored, online };
  }

  async get(agentId: string): Promise<AgentRecord | undefined> {
    const raw = await this.redis.hget(this.key, agentId);
    return raw ? this.view(JSON.parse(raw) as Stored) : undefined;
  }

  /** Records a heartbeat with the tasks the agent now holds; returns whether it is new. */
  async beat(
    agentId: string,
    agentType: string,
    heldTaskIds: string[],
    capabilities?: string[],
  ): Promise<{ agent: AgentRecord; registered: boolean }> {
    const previous = await this.get(agentId);
    const stored: Stored = {
      agent_id: agentId,
      agent_type: agentType,
      status: heldTaskIds.length > 0 ? 'active' : 'idle',
      last_heartbeat: new Date().toISOString(),
      capabilities: capabilities ?? previous?.capabilities ?? [],
      current_task_id: heldTaskIds[0] ?? null,
      current_task_ids: heldTaskIds,
    };
    await this.redis.hset(this.key, agentId, JSON.stringify(stored));
    return { agent: this.view(stored), registered: previous === undefined };
  }

  async list(): Promise<AgentRecord[]> {
    const all = await this.redis.hvals(this.key);
    return all
      .map((raw) => this.view(JSON.parse(raw) as Stored))
      .sort((a, b) => a.agent_id.localeCompare(b.agent_id));
  }
}
