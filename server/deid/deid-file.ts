import { mkdir, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DeidOptions } from '../../domain/deid/options';
import { deidentifyInstancePieces, type DeidContext, type PseudonymEntry } from './deidentify-instance';

/** Where held instances go, beside the de-identified ones but never mixed with them. */
export const HELD_FOR_REVIEW_DIRECTORY = 'held-for-review';

/** What de-identifying one file produced; the bytes are on disk at `outputPath`. */
export interface DeidFileResult {
  readonly inputPath: string;
  readonly outputPath: string;
  readonly sopInstanceUid: string;
  readonly heldForReview?: string;
  readonly pseudonymEntries: readonly PseudonymEntry[];
  readonly bytesIn: number;
  readonly bytesOut: number;
}

/** Writes the pieces with one `writev` per batch of iovecs: large values are never joined in memory. */
export async function writePieces(file: string, pieces: readonly Uint8Array[]): Promise<void> {
  const handle = await open(file, 'w');
  try {
    const IOV_MAX = 1024;
    for (let start = 0; start < pieces.length; start += IOV_MAX) {
      const batch = pieces.slice(start, start + IOV_MAX);
      const written = (await handle.writev(batch)).bytesWritten;
      const expected = batch.reduce((sum, piece) => sum + piece.length, 0);
      if (written === expected) continue;
      const rest = Buffer.concat(batch).subarray(written);
      for (let offset = 0; offset < rest.length; ) offset += (await handle.write(rest, offset)).bytesWritten;
    }
  } finally {
    await handle.close();
  }
}

/**
 * De-identifies one file into `outDir` as `<new SOP Instance UID>.dcm`. With `heldSeparately`, instances held for
 * review go to `outDir/held-for-review` with a reason file (the CLI's layout); otherwise they stay in `outDir` and
 * the caller keeps the hold (the gateway shows them in its preview).
 */
export async function deidentifyFile(
  inputPath: string,
  outDir: string,
  options: DeidOptions,
  context: DeidContext,
  heldSeparately: boolean,
): Promise<DeidFileResult> {
  const input = await readFile(inputPath);
  const result = await deidentifyInstancePieces(input, options, context);
  const held = result.heldForReview !== undefined && heldSeparately;
  const dir = held ? path.join(outDir, HELD_FOR_REVIEW_DIRECTORY) : outDir;
  if (held) await mkdir(dir, { recursive: true });
  const outputPath = path.join(dir, `${result.sopInstanceUid}.dcm`);
  await writePieces(outputPath, result.pieces);
  if (held) await writePieces(path.join(dir, `${result.sopInstanceUid}.reason.txt`), [Buffer.from(`${result.heldForReview}\n`)]);
  return {
    inputPath,
    outputPath,
    sopInstanceUid: result.sopInstanceUid,
    heldForReview: result.heldForReview,
    pseudonymEntries: result.pseudonymEntries,
    bytesIn: input.length,
    bytesOut: result.byteLength,
  };
}
