/**
 * Per-agent API keys: issued once, stored only as a SHA-256 hash (keys are 256 random bits, so a
 * fast hash is enough), listed and revoked by id. A key says who calls (agent id) and in which
 * role (orchestrator or an agent type).
 */
import { createHash, randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { RedisKeyspace } from './redis-keyspace';

export interface KeyRecord {
  agent_id: string;
  role: string;
  created_at: string;
  revoked_at?: string;
}

export interface Caller {
  agentId: string;
  role: string;
}

const hashOf = (key: string): string => createHash('sha256').update(key).digest('hex');

export class AgentKeys extends RedisKeyspace {
  private get hashesKey(): string {
    return this.redisKey('keys');
  }
  private get idsKey(): string {
    return this.redisKey('key-ids');
  }

  /** Returns the new key; only its hash is stored. Refuses an id that already has a live key. */
  async add(agentId: string, role: string): Promise<string> {
    const key = `mlo_${randomBytes(32).toString('base64url')}`;
    const record: KeyRecord = { agent_id: agentId, role, created_at: new Date().toISOString() };
    const claimed = await this.redis.hsetnx(this.idsKey, agentId, hashOf(key));
    if (claimed === 0) {
      throw new Error(
        l10n.t('An agent "{0}" already has a key; revoke it first or pick another --id.', agentId),
      );
    }
    await this.redis.hset(this.hashesKey, hashOf(key), JSON.stringify(record));
    return key;
  }

  async list(): Promise<KeyRecord[]> {
    const all = await this.redis.hvals(this.hashesKey);
    return all
      .map((raw) => JSON.parse(raw) as KeyRecord)
      .sort((a, b) => a.created_at.localeCompare(b.created_at));
  }

  /** Marks the agent's key revoked; false when the id has no live key. */
  async revoke(agentId: string): Promise<boolean> {
    const hash = await this.redis.hget(this.idsKey, agentId);
    if (!hash) return false;
    const raw = await this.redis.hget(this.hashesKey, hash);
    if (raw) {
      const record = JSON.parse(raw) as KeyRecord;
      record.revoked_at = new Date().toISOString();
      await this.redis.hset(this.hashesKey, hash, JSON.stringify(record));
    }
    await this.redis.hdel(this.idsKey, agentId);
    return true;
  }

  /** The caller of a presented key, or undefined for an unknown or revoked key. */
  async authenticate(key: string): Promise<Caller | undefined> {
    const raw = await this.redis.hget(this.hashesKey, hashOf(key));
    if (!raw) return undefined;
    const record = JSON.parse(raw) as KeyRecord;
    if (record.revoked_at) return undefined;
    return { agentId: record.agent_id, role: record.role };
  }
}
