import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asciiValues } from '../../domain/deid/dicom-dataset';
import { BASIC_PROFILE, type DeidOptions } from '../../domain/deid/options';
import { DicomParseError, readPart10 } from '../../server/deid/codec/read-part10';
import { deidentifyInstance } from '../../server/deid/deidentify-instance';
import { deriveSiteKeys, keyedPseudonyms } from '../../server/deid/site-keys';
import { containsAsToken, listSampleFiles, newValidatorErrors, originalPhiValues, samplesDir, samplesPresent, tableActions } from './corpus-support';

const keyed = keyedPseudonyms(deriveSiteKeys(Buffer.from('corpus-test-site-secret-0123456789')));
const TEACHING: DeidOptions = { ...BASIC_PROFILE, retainLongitudinal: 'modified', cleanDescriptors: true, cleanStructuredContent: true };

function findAll(dataset: ReturnType<typeof readPart10>['dataset'], tag: number, out: string[] = []): string[] {
  for (const element of dataset) {
    if (element.tag === tag) out.push(...asciiValues(element.value));
    for (const item of element.items ?? []) findAll(item, tag, out);
  }
  return out;
}

describe.skipIf(!samplesPresent)('de-identification of the shared sample corpus (skipped only when ../shared/data/dicom-samples is absent)', () => {
  const files = samplesPresent ? listSampleFiles() : [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'lightbox-deid-corpus-'));

  for (const [name, options] of [['Basic Profile', BASIC_PROFILE], ['teaching set (modified dates, clean descriptors and structured content)', TEACHING]] as const) {
    it(`leaves no original PHI value, keeps UID references consistent and adds no dciodvfy error: ${name}`, async () => {
      const actions = tableActions(options);
      const uidMap = new Map<string, string>();
      const unreadable: string[] = [];
      const leaks: string[] = [];
      const validatorRegressions: string[] = [];
      const newSopInstanceUids = new Set<string>();
      const directoryReferences: string[] = [];
      let checked = 0;
      for (const file of files) {
        const input = readFileSync(file);
        let parsed;
        try {
          parsed = readPart10(input);
        } catch (error) {
          expect(error).toBeInstanceOf(DicomParseError);
          await expect(deidentifyInstance(input, options, { keyed })).rejects.toBeInstanceOf(DicomParseError);
          unreadable.push(`${path.relative(samplesDir, file)}: ${(error as Error).message}`);
          continue;
        }
        const result = await deidentifyInstance(input, options, { keyed });
        checked++;
        const output = Buffer.from(result.bytes).toString('latin1');
        for (const value of originalPhiValues(parsed.dataset, actions).phi) {
          if (containsAsToken(output, value)) leaks.push(`${path.relative(samplesDir, file)}: "${value}"`);
        }
        for (const [original, replacement] of result.newUids) {
          expect(uidMap.get(original) ?? replacement, `UID ${original} remapped twice differently`).toBe(replacement);
          uidMap.set(original, replacement);
        }
        const out = readPart10(result.bytes);
        newSopInstanceUids.add(result.sopInstanceUid);
        expect(findAll(out.meta, 0x00020003)).toEqual([result.sopInstanceUid]);
        expect(findAll(out.dataset, 0x00120062)).toEqual(['YES']);
        directoryReferences.push(...findAll(out.dataset, 0x00041511));
        const outFile = path.join(scratch, 'out.dcm');
        writeFileSync(outFile, result.bytes);
        for (const line of newValidatorErrors(file, outFile, path.join(scratch, 'baseline.dcm'))) {
          validatorRegressions.push(`${path.relative(samplesDir, file)}: ${line}`);
        }
      }
      console.info(`${name}: ${checked} files de-identified; not DICOM or unparseable (reported, not processed):\n  ${unreadable.join('\n  ')}`);
      expect(checked).toBeGreaterThan(120);
      expect(leaks).toEqual([]);
      expect(validatorRegressions).toEqual([]);
      expect(directoryReferences.length).toBeGreaterThan(0);
      expect(directoryReferences.filter((uid) => !newSopInstanceUids.has(uid))).toEqual([]);
    }, 240_000);
  }
});
