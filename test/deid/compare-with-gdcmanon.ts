/**
 * Runs gdcmanon and Lightbox (Basic Profile) on the same shared samples and writes test/deid/COMPARISON.md.
 *   npx tsx test/deid/compare-with-gdcmanon.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { groupOf, isPrivateTag } from '../../domain/deid/dicom-dataset';
import { BASIC_PROFILE } from '../../domain/deid/options';
import { readPart10 } from '../../server/deid/codec/read-part10';
import { deidentifyInstance } from '../../server/deid/deidentify-instance';
import { deriveSiteKeys, keyedPseudonyms } from '../../server/deid/site-keys';
import { containsAsToken, originalPhiValues, repoRoot, samplesDir, tableActions } from './corpus-support';

const samples = ['pydicom-debian/CT_small.dcm', 'presidio-tcia-pseudo-phi/2_ORIGINAL.dcm', 'presidio-tcia-pseudo-phi/RGB_ORIGINAL.dcm', 'pydicom-data/OBXXXX1A.dcm', 'pydicom-debian/test-SR.dcm', 'pydicom-debian/waveform_ecg.dcm', 'ms-tools-health-anonymization/lung.dcm'];
const work = mkdtempSync(path.join(os.tmpdir(), 'lightbox-compare-'));
execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(work, 'key.pem'), '-out', path.join(work, 'cert.pem'), '-subj', '/CN=compare', '-days', '1'], { stdio: 'ignore' });
const keyed = keyedPseudonyms(deriveSiteKeys(Buffer.from('comparison-site-secret-0123456789')));
const actions = tableActions(BASIC_PROFILE);

function describe(bytes: Uint8Array, phi: readonly string[]): string {
  const file = readPart10(bytes);
  const text = Buffer.from(bytes).toString('latin1');
  const leaks = phi.filter((value) => containsAsToken(text, value)).length;
  const privates = file.dataset.filter((element) => isPrivateTag(element.tag) && groupOf(element.tag) > 8).length;
  return `${leaks} PHI values left, ${privates} private elements`;
}

const lines = ['| sample | gdcmanon -e (GDCM 3.0.21) | Lightbox Basic Profile | dciodvfy errors gdcmanon / Lightbox |', '|---|---|---|---|'];
for (const sample of samples) {
  const input = path.join(samplesDir, sample);
  const bytes = readFileSync(input);
  const { phi } = originalPhiValues(readPart10(bytes).dataset, actions);
  const gdcmFile = path.join(work, 'gdcm.dcm');
  const gdcm = spawnSync('gdcmanon', ['-e', '-c', path.join(work, 'cert.pem'), '-i', input, '-o', gdcmFile]);
  const lightboxFile = path.join(work, 'lightbox.dcm');
  writeFileSync(lightboxFile, (await deidentifyInstance(bytes, BASIC_PROFILE, { keyed })).bytes);
  const errors = (file: string): number => `${spawnSync('dciodvfy', [file], { encoding: 'latin1' }).stderr}`.split('\n').filter((line) => line.startsWith('Error')).length;
  const gdcmText = gdcm.status === 0 ? describe(readFileSync(gdcmFile), phi) : `failed: ${String(gdcm.stderr).trim().split("\n")[0]!.replace(input, sample)}`;
  lines.push(`| ${sample} (${phi.length} PHI values) | ${gdcmText} | ${describe(readFileSync(lightboxFile), phi)} | ${gdcm.status === 0 ? errors(gdcmFile) : '–'} / ${errors(lightboxFile)} |`);
}
const doc = `# Lightbox de-identification compared with gdcmanon

Produced by \`npx tsx test/deid/compare-with-gdcmanon.ts\` (${new Date().toISOString().slice(0, 10)}) on files from
\`shared/data/dicom-samples\`. "PHI values" are the original values (≥ 4 characters) of every PN/LO/SH/ST/LT/UT/DA/DT/UI
attribute that PS3.15 Table E.1-1 (2024b) removes or replaces, plus all private text, searched as whole tokens in the
output bytes (the same check as \`corpus.spec.ts\`). gdcmanon ran in its default profile mode with a throw-away
certificate (original values go into the CMS-encrypted Encrypted Attributes Sequence, which is not counted as a leak).
PixelMed's DicomCleaner is GUI-only in the Debian package, so it is not in the table.

${lines.join('\n')}

Where Lightbox is stricter:
- **Dates and times**: gdcmanon's 2008 list keeps Study/Series/Acquisition/Content dates and times; Lightbox removes
  them (or shifts them per patient with Modified Dates).
- **Private elements**: gdcmanon keeps every private element (GE GEMS_IDEN_01 included); Lightbox removes them, or
  keeps only the merged safe list with Retain Safe Private.
- **Table coverage**: 621 Annex E 2024b rows applied recursively in every sequence (gdcmanon: 48 tags), with
  composite codes resolved by IOD Type so Type 1/2 attributes stay present.
- **UIDs**: keyed HMAC-SHA256 under 2.25 (stable across exports, not guessable); gdcmanon uses per-run random UIDs.
- **Burned-in text and SR content**: gdcmanon does not touch pixels or content items; Lightbox blanks known regions
  and OCR-found text (Clean Pixel Data) and cleans SR/KOS/ATFI content per E.3.4-1.
`;
writeFileSync(path.resolve(repoRoot, 'test/deid/COMPARISON.md'), doc);
console.log(doc);
