/**
 * One ioredis client from REDIS_URL. `rediss://` turns TLS on; user and password in the URL are
 * used by ioredis itself. `maxRetriesPerRequest: null` is what BullMQ requires of its clients.
 */
import * as l10n from '@vscode/l10n';
import { Redis } from 'ioredis';

export function createRedisClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  // Without a listener ioredis prints every connection error with the URL; report it once here.
  client.on('error', () => {});
  return client;
}

/** Fails with a message without the URL (it may hold a password). */
export async function assertRedisReachable(client: Redis): Promise<void> {
  try {
    await Promise.race([
      client.ping(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000).unref()),
    ]);
  } catch {
    throw new Error(l10n.t('Redis is not reachable at REDIS_URL (is redis-server running?).'));
  }
}
