import { randomBytes } from 'node:crypto';
import { mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DeidOptions } from '../../domain/deid/options';
import { DicomParseError } from './codec/read-part10';
import { deidentifyFile, type DeidFileResult } from './deid-file';
import type { DeidContext } from './deidentify-instance';
import type { DeidWorkerPool } from './deid-worker-pool';
import type { PseudonymStore } from './pseudonym-store';

export { HELD_FOR_REVIEW_DIRECTORY } from './deid-file';

export interface DeidRunSummary {
  readonly files: number;
  readonly deidentified: number;
  readonly heldForReview: number;
  readonly errors: number;
  readonly elapsedSeconds: number;
  readonly bytesIn: number;
}

export interface DeidRunIo {
  /** One line per problem file. */
  reportError(line: string): void;
  /** Called after each file; the CLI draws a progress line from it when stderr is a terminal. */
  progress?(done: number, total: number, elapsedSeconds: number): void;
}

/** Lists the files under the inputs (files as given, folders recursively), sorted for a stable order. */
export async function listInputFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  const visit = async (entry: string): Promise<void> => {
    const info = await stat(entry);
    if (info.isDirectory()) {
      for (const name of (await readdir(entry)).sort()) await visit(path.join(entry, name));
    } else if (info.isFile()) {
      files.push(entry);
    }
  };
  for (const input of inputs) await visit(input);
  return files;
}

/**
 * De-identifies every input file into `outDir`, named by the new SOP Instance UID, records the pseudonym pairs
 * of the run as one export, and keeps going past unreadable files (each reported on one line and counted). With a
 * worker pool the files are spread over its threads; with a context they run in this thread.
 */
export async function runDeid(
  files: readonly string[],
  outDir: string,
  options: DeidOptions,
  engine: DeidContext | DeidWorkerPool,
  store: PseudonymStore | null,
  io: DeidRunIo,
): Promise<DeidRunSummary> {
  const started = performance.now();
  const exportId = `export-${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
  await mkdir(outDir, { recursive: true });
  const deidentify = (file: string): Promise<DeidFileResult> =>
    'deidentifyFile' in engine ? engine.deidentifyFile(file, outDir, true) : deidentifyFile(file, outDir, options, engine, true);
  let deidentified = 0;
  let heldForReview = 0;
  let errors = 0;
  let bytesIn = 0;
  let done = 0;
  const worker = async (file: string): Promise<void> => {
    try {
      const result = await deidentify(file);
      bytesIn += result.bytesIn;
      store?.record(exportId, result.pseudonymEntries, new Date());
      if (result.heldForReview) heldForReview++;
      else deidentified++;
    } catch (error) {
      errors++;
      const failure = error as Error & { code?: unknown };
      const kind = error instanceof DicomParseError || failure.code === 'DEID_UNPARSEABLE' ? 'not readable as DICOM' : 'failed';
      io.reportError(`${file}: ${kind}: ${failure.message}`);
    } finally {
      done++;
      io.progress?.(done, files.length, (performance.now() - started) / 1000);
    }
  };
  const queue = [...files];
  const lanes = Array.from({ length: Math.min('size' in engine ? 2 * engine.size + 2 : 4, queue.length) }, async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await worker(file);
  });
  await Promise.all(lanes);
  return { files: files.length, deidentified, heldForReview, errors, elapsedSeconds: (performance.now() - started) / 1000, bytesIn };
}
