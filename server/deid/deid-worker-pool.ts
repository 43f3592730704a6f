import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DeidOptions } from '../../domain/deid/options';
import type { DeidFileResult } from './deid-file';

/** One file to de-identify in a worker. */
export interface DeidTask {
  readonly id: number;
  readonly inputPath: string;
  readonly outDir: string;
  readonly heldSeparately: boolean;
}

export type DeidTaskOutcome =
  | { readonly id: number; readonly ok: true; readonly result: DeidFileResult }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code: string | null };

/** A file a worker could not de-identify; `code` is the engine's (e.g. DEID_UNPARSEABLE) when it had one. */
export class DeidTaskError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeidTaskError';
  }
}

export interface DeidWorkerPool {
  readonly size: number;
  deidentifyFile(inputPath: string, outDir: string, heldSeparately: boolean): Promise<DeidFileResult>;
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (result: DeidFileResult) => void;
  readonly reject: (error: Error) => void;
}

const WORKER_ENTRY = new URL('./deid-worker-entry.mjs', import.meta.url);

/**
 * Worker threads that each read, de-identify and write whole files, so the parsing, profile walk and file IO of
 * different instances run on different cores. Only paths and small results cross threads; the pixel data never
 * does. Each worker derives the keyed functions from the same site secret, so UIDs map identically in all of them.
 */
export function createDeidWorkerPool(secret: Uint8Array, options: DeidOptions, size = availableParallelism()): DeidWorkerPool {
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  const owner = new Map<number, Worker>();
  let nextId = 1;
  let closed = false;
  const fail = (worker: Worker, error: Error) => {
    for (const [id, w] of owner) {
      if (w !== worker) continue;
      pending.get(id)?.reject(error);
      pending.delete(id);
      owner.delete(id);
    }
    load.delete(worker);
  };
  const workers = Array.from({ length: Math.max(1, size) }, () => {
    const worker = new Worker(WORKER_ENTRY, { workerData: { secret: Uint8Array.from(secret), options } });
    load.set(worker, 0);
    worker.on('message', (outcome: DeidTaskOutcome) => {
      const waiting = pending.get(outcome.id);
      pending.delete(outcome.id);
      owner.delete(outcome.id);
      load.set(worker, (load.get(worker) ?? 1) - 1);
      if (!waiting) return;
      if (outcome.ok) waiting.resolve(outcome.result);
      else waiting.reject(new DeidTaskError(outcome.code ?? 'DEID_FAILED', outcome.message));
    });
    worker.on('error', (error) => fail(worker, error));
    worker.on('exit', (code) => {
      if (!closed) fail(worker, new DeidTaskError('DEID_WORKER_EXITED', `de-identification worker exited with code ${code}`));
    });
    return worker;
  });
  return {
    size: workers.length,
    deidentifyFile(inputPath, outDir, heldSeparately) {
      const candidates = [...load].sort((a, b) => a[1] - b[1]);
      const chosen = candidates[0]?.[0];
      if (closed || !chosen) return Promise.reject(new DeidTaskError('DEID_POOL_CLOSED', 'the de-identification pool is closed'));
      const id = nextId++;
      load.set(chosen, (load.get(chosen) ?? 0) + 1);
      owner.set(id, chosen);
      return new Promise<DeidFileResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        chosen.postMessage({ id, inputPath, outDir, heldSeparately } satisfies DeidTask);
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
