import type { DicomDataset, DicomElement } from '../../../domain/deid/dicom-dataset';
import { asciiText, findElement, groupOf, uint16Of, withElement } from '../../../domain/deid/dicom-dataset';
import type { DeidOptions } from '../../../domain/deid/options';
import { PixelLayoutError, redactNativePixels, redactOverlayBits, type PixelLayout } from '../../../domain/deid/pixel-redaction';
import { knownBurnedInRegions, type Rectangle } from '../../../domain/deid/pixel-region-matching';
import { extremeValueMasks, renderFirstFrame, renderOverlay, type GreyFrame } from '../../../domain/deid/pixel-rendering';
import { readPart10, type Part10File } from '../codec/read-part10';
import { attributeLookup } from './attribute-lookup';
import { decodeToNative, PixelDecodeError } from './pixel-decoder';
import type { PixelCleaner, PixelCleaningOutcome } from './pixel-cleaner';
import { detectTextBoxes, OcrUnavailableError, type GreyImage } from './tesseract-ocr';

const PIXEL_DATA = 0x7fe00010;
/** Below this size no legible text fits, so OCR is not attempted (e.g. DICOMDIR test thumbnails of 16×16). */
const MIN_OCR_SIZE = 64;

export type TextDetector = (image: GreyImage) => Promise<Rectangle[]>;

function layoutOf(dataset: DicomDataset, littleEndian: boolean): PixelLayout {
  const frames = parseInt(asciiText(findElement(dataset, 0x00280008)?.value), 10);
  return {
    rows: uint16Of(dataset, 0x00280010, littleEndian) ?? 0,
    columns: uint16Of(dataset, 0x00280011, littleEndian) ?? 0,
    samplesPerPixel: uint16Of(dataset, 0x00280002, littleEndian) ?? 1,
    bitsAllocated: uint16Of(dataset, 0x00280100, littleEndian) ?? 8,
    planarConfiguration: uint16Of(dataset, 0x00280006, littleEndian) ?? 0,
    frames: Number.isFinite(frames) && frames > 0 ? frames : 1,
  };
}

/** Reads the rendering and its extreme-value masks in parallel and unites the word boxes. */
async function detectInRendering(frame: GreyFrame, detect: TextDetector): Promise<Rectangle[]> {
  const found = await Promise.all([frame, ...extremeValueMasks(frame)].map((image) => detect(image)));
  return found.flat();
}

function held(file: Part10File, reason: string): PixelCleaningOutcome {
  return { file, pixelsCleaned: false, heldForReview: reason };
}

async function cleanOverlays(dataset: DicomDataset, littleEndian: boolean, detect: TextDetector): Promise<DicomElement[]> {
  let result = [...dataset];
  for (const element of dataset) {
    const group = groupOf(element.tag);
    if (group < 0x6000 || group > 0x60ff || element.tag % 0x10000 !== 0x3000 || !element.value) continue;
    const rows = uint16Of(dataset, group * 0x10000 + 0x0010, littleEndian) ?? 0;
    const columns = uint16Of(dataset, group * 0x10000 + 0x0011, littleEndian) ?? 0;
    if (rows < MIN_OCR_SIZE || columns < MIN_OCR_SIZE) continue;
    const boxes = await detect(renderOverlay(element.value, rows, columns));
    if (boxes.length > 0) result = withElement(result, { ...element, value: redactOverlayBits(element.value, rows, columns, boxes) });
  }
  return result;
}

/**
 * Clean Pixel Data and the overlay half of Clean Graphics. Known regions come from the CTP and deid libraries; an
 * image that no rule covers is read by OCR and every word found is blanked. Compressed pixel data is decoded with
 * GDCM and written back native. Whatever cannot be checked (decoding or OCR failing, bit depths that cannot be
 * redacted) is held for review, never passed on.
 */
export function createPixelCleaner(detect: TextDetector = detectTextBoxes): PixelCleaner {
  return {
    async clean(file: Part10File, originalBytes: Uint8Array, options: DeidOptions): Promise<PixelCleaningOutcome> {
      let current = file;
      let dataset: DicomDataset = file.dataset;
      try {
        if (options.cleanGraphics) dataset = await cleanOverlays(dataset, file.transferSyntax.littleEndian, detect);
        const pixel = findElement(dataset, PIXEL_DATA);
        if (!options.cleanPixelData || !pixel) return { file: { ...current, dataset }, pixelsCleaned: false };
        const lookup = attributeLookup(file.meta, dataset, file.transferSyntax.littleEndian);
        const known = knownBurnedInRegions(lookup);
        const layout = layoutOf(dataset, file.transferSyntax.littleEndian);
        const needsOcr = known.rectangles.length === 0 && layout.rows >= MIN_OCR_SIZE && layout.columns >= MIN_OCR_SIZE;
        if (known.rectangles.length === 0 && !needsOcr) return { file: { ...current, dataset }, pixelsCleaned: true };
        let native = pixel;
        if (pixel.fragments) {
          current = readPart10(await decodeToNative(originalBytes));
          dataset = options.cleanGraphics ? await cleanOverlays(current.dataset, true, detect) : current.dataset;
          native = findElement(dataset, PIXEL_DATA) ?? pixel;
          if (!native.value) return held(current, 'pixel data is still encapsulated after decoding');
        }
        const littleEndian = current.transferSyntax.littleEndian;
        const decodedLayout = layoutOf(dataset, littleEndian);
        const signed = uint16Of(dataset, 0x00280103, littleEndian) === 1;
        const boxes = needsOcr ? await detectInRendering(renderFirstFrame(native.value!, decodedLayout, signed, littleEndian), detect) : [];
        const rectangles = [...known.rectangles, ...boxes];
        if (rectangles.length > 0) {
          dataset = withElement(dataset, { ...native, value: redactNativePixels(native.value!, decodedLayout, rectangles) });
        }
        return { file: { ...current, dataset }, pixelsCleaned: true };
      } catch (error) {
        if (error instanceof OcrUnavailableError || error instanceof PixelDecodeError || error instanceof PixelLayoutError) {
          return held(current, error.message);
        }
        throw error;
      }
    },
  };
}
