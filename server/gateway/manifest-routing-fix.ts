import { readFile } from 'node:fs/promises';
import { textOf } from '../../domain/deid/dicom-dataset';
import { collectIdentifyingTerms } from '../../domain/deid/identifying-terms';
import type { DeidOptions } from '../../domain/deid/options';
import { ruleSetFor } from '../../domain/deid/rule-set';
import { TextScrubber } from '../../domain/deid/text-scrubber';
import { readManifestRouting, restoreManifestRouting } from '../../domain/gateway/routing-content';
import { readPart10 } from '../deid/codec/read-part10';
import { writePart10Pieces } from '../deid/codec/write-part10';
import { writePiecesAsync } from '../deid/deid-file';

/**
 * Rewrites a de-identified manifest with the original's observer name and KOD routing directives (tce.md §6 note).
 * Only the content items change; the UIDs the engine remapped stay as they are. The KOD is scrubbed with the same
 * identifying terms the engine uses for this instance (its names, IDs, institution; dates and long numbers).
 */
export async function restoreRoutingInDeidentifiedManifest(originalFile: string, deidentifiedFile: string, profile: DeidOptions): Promise<void> {
  const original = readPart10(await readFile(originalFile));
  const deidentified = readPart10(await readFile(deidentifiedFile));
  const routing = readManifestRouting(original.dataset);
  const scrubber = new TextScrubber([textOf(original.dataset, 0x00100020), ...collectIdentifyingTerms(original.dataset, ruleSetFor(profile))]);
  const dataset = restoreManifestRouting(deidentified.dataset, routing, (value) => scrubber.scrub(value));
  await writePiecesAsync(deidentifiedFile, writePart10Pieces(deidentified.meta, dataset, deidentified.transferSyntax));
}
