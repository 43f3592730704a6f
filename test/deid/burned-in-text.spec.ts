import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElement, uint16Of } from '../../domain/deid/dicom-dataset';
import { BASIC_PROFILE } from '../../domain/deid/options';
import { readPart10 } from '../../server/deid/codec/read-part10';
import { deidentifyInstance } from '../../server/deid/deidentify-instance';
import { createPixelCleaner } from '../../server/deid/pixels/default-pixel-cleaner';
import { OcrUnavailableError } from '../../server/deid/pixels/tesseract-ocr';
import { deriveSiteKeys, keyedPseudonyms } from '../../server/deid/site-keys';
import { samplesDir, samplesPresent } from './corpus-support';

const keyed = keyedPseudonyms(deriveSiteKeys(Buffer.from('burned-in-test-site-secret-0123')));
const options = { ...BASIC_PROFILE, cleanPixelData: true };
/** Presidio computed its ground truth on the image padded by 25 pixels on every side (ImageRedactorEngine default). */
const PRESIDIO_PADDING = 25;

interface Box { label: string; left: number; top: number; width: number; height: number }

function uncoveredPixels(bytes: Uint8Array, box: Box): number {
  const file = readPart10(bytes);
  const pixels = findElement(file.dataset, 0x7fe00010)!.value!;
  const columns = uint16Of(file.dataset, 0x00280011, true)!;
  const bytesPerPixel = (uint16Of(file.dataset, 0x00280100, true)! / 8) * (uint16Of(file.dataset, 0x00280002, true) ?? 1);
  let uncovered = 0;
  for (let y = box.top - PRESIDIO_PADDING; y < box.top - PRESIDIO_PADDING + box.height; y++) {
    for (let x = box.left - PRESIDIO_PADDING; x < box.left - PRESIDIO_PADDING + box.width; x++) {
      const start = (y * columns + x) * bytesPerPixel;
      if (pixels.subarray(start, start + bytesPerPixel).some((byte) => byte !== 0)) uncovered++;
    }
  }
  return uncovered;
}

describe.skipIf(!samplesPresent)('Clean Pixel Data on the sample images (skipped only when ../shared/data/dicom-samples is absent)', () => {
  const presidio = path.join(samplesDir, 'presidio-tcia-pseudo-phi');
  const truth = samplesPresent ? (JSON.parse(readFileSync(path.join(presidio, 'ground_truth.json'), 'utf8')) as Record<string, Box[]>) : {};

  for (const [file, key] of [['2_ORIGINAL.dcm', 'sample_data/2_ORIGINAL.dcm'], ['0_ORIGINAL_compressed.dcm', 'sample_data/0_ORIGINAL.dcm']] as const) {
    it(`blanks every presidio ground-truth box of ${file} (OCR, no region rule matches)`, async () => {
      const result = await deidentifyInstance(readFileSync(path.join(presidio, file)), options, { keyed, pixelCleaner: createPixelCleaner() });
      expect(result.heldForReview).toBeUndefined();
      const boxes = truth[key] ?? [];
      expect(boxes.length).toBeGreaterThan(3);
      for (const box of boxes) expect(uncoveredPixels(result.bytes, box), box.label).toBe(0);
      const out = readPart10(result.bytes);
      expect(Buffer.from(findElement(out.dataset, 0x00280301)!.value!).toString().trim()).toBe('NO');
      expect(Buffer.from(result.bytes).toString('latin1')).toContain('113101');
    }, 60_000);
  }

  it('blanks the Philips CX50 banner by the CTP rule without OCR', async () => {
    const noOcr = createPixelCleaner(async () => {
      throw new Error('OCR must not run when a known region rule matches');
    });
    const result = await deidentifyInstance(readFileSync(path.join(samplesDir, 'pydicom-data/OBXXXX1A.dcm')), options, { keyed, pixelCleaner: noOcr });
    const box = { label: 'banner', left: PRESIDIO_PADDING, top: PRESIDIO_PADDING, width: 800, height: 59 };
    expect(result.heldForReview).toBeUndefined();
    expect(uncoveredPixels(result.bytes, box)).toBe(0);
  });

  it('holds an image for review when no rule covers it and OCR cannot run', async () => {
    const broken = createPixelCleaner(async () => {
      throw new OcrUnavailableError('tesseract cannot start');
    });
    const file = path.join(samplesDir, 'pydicom-data/US1_UNCR.dcm');
    expect(existsSync(file)).toBe(true);
    const result = await deidentifyInstance(readFileSync(file), options, { keyed, pixelCleaner: broken });
    expect(result.heldForReview).toMatch(/tesseract/);
  });
});
