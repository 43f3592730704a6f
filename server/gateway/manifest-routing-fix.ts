import { readFile } from 'node:fs/promises';
import { readManifestRouting, restoreManifestRouting } from '../../domain/gateway/routing-content';
import { readPart10 } from '../deid/codec/read-part10';
import { writePart10Pieces } from '../deid/codec/write-part10';
import { writePieces } from '../deid/deid-file';

/**
 * Rewrites a de-identified manifest with the original's observer name and KOD routing directives (tce.md §6 note).
 * Only the content items change; the UIDs the engine remapped stay as they are.
 */
export async function restoreRoutingInDeidentifiedManifest(originalFile: string, deidentifiedFile: string): Promise<void> {
  const original = readPart10(await readFile(originalFile));
  const deidentified = readPart10(await readFile(deidentifiedFile));
  const routing = readManifestRouting(original.dataset);
  const dataset = restoreManifestRouting(deidentified.dataset, routing);
  await writePieces(deidentifiedFile, writePart10Pieces(deidentified.meta, dataset, deidentified.transferSyntax));
}
