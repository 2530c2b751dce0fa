/**
 * The Redis connection and key naming every team store shares: each key is
 * `<prefix>:<part>:…`, so deployments with different MLO_REDIS_PREFIX values never see each
 * other's keys, and the naming rule lives in one place.
 */
import type { Redis } from 'ioredis';

export abstract class RedisKeyspace {
  constructor(
    protected readonly redis: Redis,
    protected readonly prefix: string,
  ) {}

  protected redisKey(...parts: string[]): string {
    return [this.prefix, ...parts].join(':');
  }
}
