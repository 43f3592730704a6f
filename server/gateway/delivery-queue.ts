import { createHash } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { statusAfterDeliveries } from '../../domain/gateway/export-lifecycle';
import type { InstanceSender } from './delivery-outcome';
import type { GatewayStore } from './gateway-store';

interface DeliveryJob {
  readonly exportId: string;
  readonly destination: string;
}

export interface DeliveryQueueOptions {
  readonly redisUrl: string;
  /** Separates this gateway's queue from others sharing the Redis (derived from its data directory). */
  readonly namespace: string;
  readonly store: GatewayStore;
  readonly senders: ReadonlyMap<string, InstanceSender>;
  /** Tries per destination before the remaining instances are marked failed. */
  readonly attempts: number;
  /** First retry delay; each retry doubles it (BullMQ exponential back-off). */
  readonly backoffMs: number;
  readonly log?: (line: string) => void;
}

export interface DeliveryQueue {
  enqueue(exportId: string, destination: string): Promise<void>;
  close(): Promise<void>;
}

/** A BullMQ prefix unique to one gateway data directory. */
export function queueNamespace(dataDir: string): string {
  return `lightbox-gateway-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
}

/** A delivery attempt that left instances unsent: thrown so BullMQ retries the job after its back-off. */
export class DeliveryIncompleteError extends Error {
  readonly code = 'GATEWAY_DELIVERY_INCOMPLETE';
}

/**
 * RAD-53 deliveries as BullMQ jobs, one per export and destination. A job sends what is still pending for its
 * destination, records every instance's outcome (status, time, attempts, detail) and throws while anything is
 * unsent, so BullMQ retries it with exponential back-off; after the last attempt the rest is marked failed.
 */
export async function startDeliveryQueue(options: DeliveryQueueOptions): Promise<DeliveryQueue> {
  const connection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  const queueName = 'rad53-deliveries';
  const queue = new Queue<DeliveryJob>(queueName, { connection, prefix: options.namespace });
  const refreshStatus = (exportId: string) => {
    const status = statusAfterDeliveries(options.store.deliveries(exportId));
    options.store.setStatus(exportId, status, new Date());
  };
  const process = async (job: Job<DeliveryJob>): Promise<void> => {
    const { exportId, destination } = job.data;
    const sender = options.senders.get(destination);
    if (!sender) throw new Error(`destination ${destination} is no longer configured`);
    const byUid = new Map(options.store.exportedInstances(exportId).map((i) => [i.deidUid, i]));
    const pending = options.store.deliveries(exportId).filter((d) => d.destination === destination && d.status === 'pending');
    const files = pending.flatMap((d) => {
      const instance = byUid.get(d.deidUid);
      return instance ? [{ file: instance.file, sopInstanceUid: instance.deidUid }] : [];
    });
    const outcomes = files.length > 0 ? await sender.send(files) : [];
    const at = new Date();
    outcomes.forEach((outcome, index) => {
      const uid = files[index]!.sopInstanceUid;
      const detail = outcome.sent ? outcome.detail : `attempt ${job.attemptsMade + 1} of ${options.attempts}: ${outcome.detail}`;
      options.store.recordDelivery(exportId, uid, destination, outcome.sent ? 'sent' : 'pending', detail, at);
    });
    const unsent = outcomes.filter((o) => !o.sent);
    refreshStatus(exportId);
    if (unsent.length > 0) {
      options.log?.(`export ${exportId} → ${destination}: ${unsent.length} not sent (${unsent[0]!.detail}); attempt ${job.attemptsMade + 1}/${options.attempts}`);
      throw new DeliveryIncompleteError(`${unsent.length} of ${outcomes.length} instances not sent: ${unsent[0]!.detail}`);
    }
    options.log?.(`export ${exportId} → ${destination}: ${outcomes.length} instances sent`);
  };
  const workerConnection = connection.duplicate();
  const worker = new Worker<DeliveryJob>(queueName, process, { connection: workerConnection, prefix: options.namespace, concurrency: 2 });
  worker.on('failed', (job, error) => {
    if (!job || job.attemptsMade < options.attempts) return;
    const tries = `${job.attemptsMade} attempt${job.attemptsMade === 1 ? '' : 's'}`;
    options.store.giveUpDeliveries(job.data.exportId, job.data.destination, `gave up after ${tries}; last: `, new Date());
    options.log?.(`export ${job.data.exportId} → ${job.data.destination}: gave up after ${tries}: ${error.message}`);
    refreshStatus(job.data.exportId);
  });
  worker.on('error', (error) => options.log?.(`delivery worker: ${error.message}`));
  await worker.waitUntilReady();
  return {
    async enqueue(exportId, destination) {
      await queue.add('deliver', { exportId, destination }, {
        jobId: `${exportId}-${createHash('sha256').update(destination).digest('hex').slice(0, 16)}`,
        attempts: options.attempts,
        backoff: { type: 'exponential', delay: options.backoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      });
    },
    async close() {
      await worker.close();
      await queue.close();
      connection.disconnect();
      workerConnection.disconnect();
    },
  };
}
