import { parentPort, workerData } from 'node:worker_threads';
import type { DeidOptions } from '../../domain/deid/options';
import { blockingFileIo, deidentifyFile } from './deid-file';
import { createPixelCleaner } from './pixels/default-pixel-cleaner';
import { deriveSiteKeys, keyedPseudonyms } from './site-keys';
import type { DeidTask, DeidTaskOutcome } from './deid-worker-pool';

interface DeidWorkerData {
  readonly secret: Uint8Array;
  readonly options: DeidOptions;
}

const { secret, options } = workerData as DeidWorkerData;
const context = {
  keyed: keyedPseudonyms(deriveSiteKeys(secret)),
  pixelCleaner: options.cleanPixelData || options.cleanGraphics ? createPixelCleaner() : undefined,
};

parentPort?.on('message', (task: DeidTask) => {
  deidentifyFile(task.inputPath, task.outDir, options, context, task.heldSeparately, blockingFileIo)
    .then((result): DeidTaskOutcome => ({ id: task.id, ok: true, result }))
    .catch((error: unknown): DeidTaskOutcome => {
      const failure = error as Error & { code?: unknown };
      return { id: task.id, ok: false, message: failure.message, code: typeof failure.code === 'string' ? failure.code : null };
    })
    .then((outcome) => parentPort?.postMessage(outcome));
});
