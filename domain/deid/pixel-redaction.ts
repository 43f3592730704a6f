import type { Rectangle } from './pixel-region-matching';

/** How native (uncompressed) pixel data is laid out, from the Image Pixel module. */
export interface PixelLayout {
  readonly rows: number;
  readonly columns: number;
  readonly samplesPerPixel: number;
  readonly bitsAllocated: number;
  /** 0 = colour-by-pixel (RGBRGB…), 1 = colour-by-plane (RR…GG…BB…). */
  readonly planarConfiguration: number;
  readonly frames: number;
}

/** The pixel data does not match the layout its attributes describe. */
export class PixelLayoutError extends Error {
  readonly code = 'DEID_PIXEL_LAYOUT';
}

/** Bytes one frame occupies; 1-bit data is packed (PS3.5 §8.1.1). */
export function frameLength(layout: PixelLayout): number {
  const samples = layout.rows * layout.columns * layout.samplesPerPixel;
  return layout.bitsAllocated === 1 ? Math.ceil(samples / 8) : samples * (layout.bitsAllocated / 8);
}

function clip(rectangle: Rectangle, layout: PixelLayout): Rectangle | null {
  const x0 = Math.max(0, Math.floor(rectangle[0]));
  const y0 = Math.max(0, Math.floor(rectangle[1]));
  const x1 = Math.min(layout.columns, Math.ceil(rectangle[0] + rectangle[2]));
  const y1 = Math.min(layout.rows, Math.ceil(rectangle[1] + rectangle[3]));
  return x1 > x0 && y1 > y0 ? [x0, y0, x1 - x0, y1 - y0] : null;
}

/**
 * Blanks rectangles in every frame of native pixel data (all samples, zero-filled) and returns a new buffer. Zero
 * is the darkest value for MONOCHROME2/RGB and the first palette entry for PALETTE COLOR; any constant removes text.
 */
export function redactNativePixels(pixels: Uint8Array, layout: PixelLayout, rectangles: readonly Rectangle[]): Uint8Array {
  if (layout.bitsAllocated % 8 !== 0) throw new PixelLayoutError(`cannot redact ${layout.bitsAllocated}-bit pixel data`);
  const perFrame = frameLength(layout);
  if (pixels.length < perFrame * layout.frames) {
    throw new PixelLayoutError(`pixel data has ${pixels.length} bytes, ${perFrame * layout.frames} expected`);
  }
  const result = pixels.slice();
  const bytesPerSample = layout.bitsAllocated / 8;
  const clipped = rectangles.map((rectangle) => clip(rectangle, layout)).filter((rectangle): rectangle is Rectangle => rectangle !== null);
  for (let frame = 0; frame < layout.frames; frame++) {
    const frameStart = frame * perFrame;
    for (const [x, y, width, height] of clipped) {
      for (let row = y; row < y + height; row++) {
        if (layout.planarConfiguration === 1 && layout.samplesPerPixel > 1) {
          const plane = layout.rows * layout.columns * bytesPerSample;
          for (let sample = 0; sample < layout.samplesPerPixel; sample++) {
            const start = frameStart + sample * plane + (row * layout.columns + x) * bytesPerSample;
            result.fill(0, start, start + width * bytesPerSample);
          }
        } else {
          const pixelBytes = bytesPerSample * layout.samplesPerPixel;
          const start = frameStart + (row * layout.columns + x) * pixelBytes;
          result.fill(0, start, start + width * pixelBytes);
        }
      }
    }
  }
  return result;
}

/** Clears the bits of a 1-bit overlay plane inside the rectangles (overlay bits are packed, LSB first). */
export function redactOverlayBits(bits: Uint8Array, rows: number, columns: number, rectangles: readonly Rectangle[]): Uint8Array {
  const result = bits.slice();
  const layout: PixelLayout = { rows, columns, samplesPerPixel: 1, bitsAllocated: 1, planarConfiguration: 0, frames: 1 };
  for (const rectangle of rectangles) {
    const clipped = clip(rectangle, layout);
    if (!clipped) continue;
    const [x, y, width, height] = clipped;
    for (let row = y; row < y + height; row++) {
      for (let column = x; column < x + width; column++) {
        const index = row * columns + column;
        const byte = index >> 3;
        if (byte < result.length) result[byte] = result[byte]! & ~(1 << (index & 7));
      }
    }
  }
  return result;
}
