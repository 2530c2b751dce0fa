/**
 * What a council run on the team server leaves in Redis while it runs: its events (every
 * finished call among them, appended as they happen), its latest status and, at the end, its
 * result or failure. Any instance reads them; only the instance running the council writes.
 */
import type { TranscriptEvent, TranscriptRecord } from '../core/transcript-record';
import type { RunResult, TaskStatus } from '../shared/council-service';
import { RedisKeyspace } from './redis-keyspace';

export interface CouncilOutcome {
  result?: RunResult;
  error?: string;
}

export class CouncilStore extends RedisKeyspace {
  private key(taskId: string, part: 'events' | 'status' | 'outcome'): string {
    return this.redisKey('council', taskId, part);
  }

  get cancelChannel(): string {
    return this.redisKey('council-cancel');
  }

  async appendEvent(taskId: string, record: TranscriptEvent): Promise<void> {
    await this.redis.rpush(this.key(taskId, 'events'), JSON.stringify(record));
  }

  async events(taskId: string, from = 0): Promise<TranscriptRecord[]> {
    const raw = await this.redis.lrange(this.key(taskId, 'events'), from, -1);
    return raw.map((line, i) => ({ ...(JSON.parse(line) as TranscriptEvent), seq: from + i }));
  }

  async setStatus(taskId: string, status: TaskStatus): Promise<void> {
    await this.redis.set(this.key(taskId, 'status'), JSON.stringify({ ...status, taskId }));
  }

  async status(taskId: string): Promise<TaskStatus | undefined> {
    const raw = await this.redis.get(this.key(taskId, 'status'));
    return raw ? (JSON.parse(raw) as TaskStatus) : undefined;
  }

  async setOutcome(taskId: string, outcome: CouncilOutcome): Promise<void> {
    await this.redis.set(this.key(taskId, 'outcome'), JSON.stringify(outcome));
  }

  async outcome(taskId: string): Promise<CouncilOutcome | undefined> {
    const raw = await this.redis.get(this.key(taskId, 'outcome'));
    return raw ? (JSON.parse(raw) as CouncilOutcome) : undefined;
  }

  async requestCancel(taskId: string): Promise<void> {
    await this.redis.publish(this.cancelChannel, taskId);
  }
}
