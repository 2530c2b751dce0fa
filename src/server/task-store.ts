/**
 * Task records in Redis, one JSON string per task, changed only by compare-and-set so that any
 * number of instances can move the same task without losing an update. Beside each task: the set
 * of tasks that wait for it (its dependents).
 */
import { RedisKeyspace } from './redis-keyspace';
import type { StoredTask } from './task-record';

const COMPARE_AND_SET = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2])
  return 1
end
return 0`;

export class TaskStore extends RedisKeyspace {
  private taskKey(id: string): string {
    return this.redisKey('task', id);
  }
  private dependentsKey(id: string): string {
    return this.redisKey('dependents', id);
  }

  /** `task-YYYYMMDD-NNN`, unique across instances (one counter in Redis). */
  async nextId(now: Date): Promise<string> {
    const n = await this.redis.incr(this.redisKey('task-seq'));
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    return `task-${day}-${String(n).padStart(3, '0')}`;
  }

  async get(id: string): Promise<StoredTask | undefined> {
    const raw = await this.redis.get(this.taskKey(id));
    return raw ? (JSON.parse(raw) as StoredTask) : undefined;
  }

  async insert(task: StoredTask): Promise<void> {
    await this.redis.set(this.taskKey(task.task_id), JSON.stringify(task), 'NX');
    await this.redis.zadd(this.redisKey('tasks'), Date.now(), task.task_id);
  }

  /**
   * Applies `change` atomically: it sees the current record and returns the new one, or
   * undefined to leave it. Retries when another instance changed the record meanwhile.
   */
  async update(
    id: string,
    change: (task: StoredTask) => StoredTask | undefined,
  ): Promise<StoredTask | undefined> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const raw = await this.redis.get(this.taskKey(id));
      if (!raw) return undefined;
      const next = change(JSON.parse(raw) as StoredTask);
      if (!next) return undefined;
      const text = JSON.stringify({ ...next, updated_at: new Date().toISOString() });
      const done = await this.redis.eval(COMPARE_AND_SET, 1, this.taskKey(id), raw, text);
      if (done === 1) return JSON.parse(text) as StoredTask;
    }
    throw new Error(`Task ${id} is changing too often to update; try again.`);
  }

  async addDependent(dependency: string, dependent: string): Promise<void> {
    await this.redis.sadd(this.dependentsKey(dependency), dependent);
  }

  async dependentsOf(id: string): Promise<string[]> {
    return this.redis.smembers(this.dependentsKey(id));
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.redisKey('tasks'));
  }
}
