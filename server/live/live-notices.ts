import { Redis } from 'ioredis';
import type { ChangeNotice } from '../projections/projection';

export interface PositionedNotice extends ChangeNotice {
  readonly position: string;
}

type Listener = (notice: PositionedNotice) => void;

/**
 * Fans read-model change notices out to every app node through Redis pub/sub. Each node's projections publish
 * what they applied; every node delivers a notice to its local subscribers once, even when several nodes
 * published it (de-duplicated by topic, key and log position).
 */
export class LiveNotices {
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly delivered = new Map<string, bigint>();
  private readonly channel: string;

  constructor(redisUrl: string, prefix: string) {
    this.channel = `${prefix}:notices`;
    this.publisher = new Redis(redisUrl, { maxRetriesPerRequest: null });
    this.subscriber = new Redis(redisUrl, { maxRetriesPerRequest: null });
    for (const c of [this.publisher, this.subscriber]) c.on('error', (e) => console.error('redis (live notices):', e.message));
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(this.channel);
    this.subscriber.on('message', (_channel, message: string) => {
      for (const notice of JSON.parse(message) as PositionedNotice[]) this.deliver(notice);
    });
  }

  publish(notices: readonly ChangeNotice[], position: bigint): void {
    const positioned = notices.map((n) => ({ ...n, position: position.toString() }));
    this.publisher.publish(this.channel, JSON.stringify(positioned)).catch((e: Error) => console.error('redis publish:', e.message));
  }

  private deliver(notice: PositionedNotice): void {
    const id = `${notice.topic}:${notice.key}:${notice.change}`;
    const position = BigInt(notice.position);
    const last = this.delivered.get(id);
    if (last !== undefined && last >= position) return;
    this.delivered.set(id, position);
    if (this.delivered.size > 50_000) this.delivered.clear();
    for (const listener of this.listeners.get(notice.topic) ?? []) listener(notice);
  }

  /**
   * The notices of one topic as an async iterator. `return()` (called when a GraphQL subscription ends)
   * unregisters at once, even while a `next()` is waiting.
   */
  listen(topic: string): AsyncIterableIterator<PositionedNotice> {
    const queue: PositionedNotice[] = [];
    let pending: ((result: IteratorResult<PositionedNotice>) => void) | null = null;
    let done = false;
    const set = this.listeners.get(topic) ?? new Set<Listener>();
    this.listeners.set(topic, set);
    const listener: Listener = (notice) => {
      if (pending) {
        const resolve = pending;
        pending = null;
        resolve({ value: notice, done: false });
      } else queue.push(notice);
    };
    set.add(listener);
    const finish = async (): Promise<IteratorResult<PositionedNotice>> => {
      done = true;
      set.delete(listener);
      pending?.({ value: undefined, done: true });
      pending = null;
      return { value: undefined, done: true };
    };
    return {
      next: () => {
        if (done) return Promise.resolve({ value: undefined, done: true });
        const queued = queue.shift();
        if (queued) return Promise.resolve({ value: queued, done: false });
        return new Promise((resolve) => (pending = resolve));
      },
      return: finish,
      throw: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async close(): Promise<void> {
    for (const listeners of this.listeners.values()) listeners.clear();
    await Promise.all([this.subscriber, this.publisher].map((c) => c.quit().catch(() => c.disconnect())));
  }
}
