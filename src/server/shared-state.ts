/** The shared state of seed §3.1: JSON values under keys, each with a TTL, in Redis. */
import { RedisKeyspace } from './redis-keyspace';

export const DEFAULT_TTL_SECONDS = 3600;

export interface SharedValue {
  key: string;
  value: unknown;
  /** Seconds left, or -1 when the value never expires. */
  ttl_seconds: number;
}

export class SharedState extends RedisKeyspace {
  private stateKey(key: string): string {
    return this.redisKey('state', key);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(
      this.stateKey(key),
      JSON.stringify(value),
      'PX',
      Math.round(ttlSeconds * 1000),
    );
  }

  async get(key: string): Promise<SharedValue | undefined> {
    const [raw, pttl] = await Promise.all([
      this.redis.get(this.stateKey(key)),
      this.redis.pttl(this.stateKey(key)),
    ]);
    if (raw === null) return undefined;
    return { key, value: JSON.parse(raw), ttl_seconds: pttl < 0 ? -1 : Math.ceil(pttl / 1000) };
  }
}
