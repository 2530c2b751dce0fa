/** The shared state of seed §3.1: JSON values under keys, each with a TTL, in Redis. */
import type { Redis } from 'ioredis';

export const DEFAULT_TTL_SECONDS = 3600;

export interface SharedValue {
  key: string;
  value: unknown;
  /** Seconds left, or -1 when the value never expires. */
  ttl_seconds: number;
}

export class SharedState {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private redisKey(key: string): string {
    return `${this.prefix}:state:${key}`;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(
      this.redisKey(key),
      JSON.stringify(value),
      'PX',
      Math.round(ttlSeconds * 1000),
    );
  }

  async get(key: string): Promise<SharedValue | undefined> {
    const [raw, pttl] = await Promise.all([
      this.redis.get(this.redisKey(key)),
      this.redis.pttl(this.redisKey(key)),
    ]);
    if (raw === null) return undefined;
    return { key, value: JSON.parse(raw), ttl_seconds: pttl < 0 ? -1 : Math.ceil(pttl / 1000) };
  }
}
