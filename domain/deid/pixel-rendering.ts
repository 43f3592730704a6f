import { frameLength, PixelLayoutError, type PixelLayout } from './pixel-redaction';

/** An 8-bit grey rendering of one frame, for text detection. */
export interface GreyFrame {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * Renders frame 0 of native pixel data as 8-bit grey: colour samples are averaged, stored values are stretched
 * from their minimum to their maximum. Burned-in text is drawn at an extreme value, so a full-range stretch keeps
 * it at high contrast whatever the window the image is meant to be viewed with.
 */
export function renderFirstFrame(pixels: Uint8Array, layout: PixelLayout, signed: boolean, littleEndian: boolean): GreyFrame {
  if (![8, 16, 32].includes(layout.bitsAllocated)) throw new PixelLayoutError(`cannot render ${layout.bitsAllocated}-bit pixel data`);
  if (pixels.byteLength < frameLength(layout)) throw new PixelLayoutError(`pixel data has ${pixels.byteLength} bytes, a frame needs ${frameLength(layout)}`);
  const count = layout.rows * layout.columns;
  const values = new Float64Array(count);
  const view = new DataView(pixels.buffer, pixels.byteOffset, Math.min(pixels.byteLength, frameLength(layout)));
  const bytes = layout.bitsAllocated / 8;
  const sample = (index: number): number => {
    const offset = index * bytes;
    if (bytes === 1) return signed ? view.getInt8(offset) : view.getUint8(offset);
    if (bytes === 2) return signed ? view.getInt16(offset, littleEndian) : view.getUint16(offset, littleEndian);
    return signed ? view.getInt32(offset, littleEndian) : view.getUint32(offset, littleEndian);
  };
  let min = Infinity;
  let max = -Infinity;
  for (let pixel = 0; pixel < count; pixel++) {
    let sum = 0;
    for (let s = 0; s < layout.samplesPerPixel; s++) {
      sum += sample(layout.planarConfiguration === 1 ? s * count + pixel : pixel * layout.samplesPerPixel + s);
    }
    const value = sum / layout.samplesPerPixel;
    values[pixel] = value;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  const range = max > min ? max - min : 1;
  const grey = new Uint8Array(count);
  for (let pixel = 0; pixel < count; pixel++) grey[pixel] = Math.round(((values[pixel]! - min) / range) * 255);
  return { width: layout.columns, height: layout.rows, pixels: grey };
}

/** Renders a packed 1-bit overlay plane: set bits white on black. */
export function renderOverlay(bits: Uint8Array, rows: number, columns: number): GreyFrame {
  const grey = new Uint8Array(rows * columns);
  for (let index = 0; index < grey.length; index++) {
    if (((bits[index >> 3] ?? 0) >> (index & 7)) & 1) grey[index] = 255;
  }
  return { width: columns, height: rows, pixels: grey };
}

/**
 * Binary masks of the brightest and darkest values of a rendering. Burned-in text is usually drawn at the extreme
 * stored value (white on MONOCHROME2, the minimum on MONOCHROME1 radiographs), so isolating the extremes removes
 * the anatomy behind the text and lets OCR read words it misses on the full image.
 */
export function extremeValueMasks(frame: GreyFrame): [GreyFrame, GreyFrame] {
  const bright = new Uint8Array(frame.pixels.length);
  const dark = new Uint8Array(frame.pixels.length);
  for (let index = 0; index < frame.pixels.length; index++) {
    const value = frame.pixels[index]!;
    if (value >= 250) bright[index] = 255;
    if (value <= 5) dark[index] = 255;
  }
  return [{ ...frame, pixels: bright }, { ...frame, pixels: dark }];
}
