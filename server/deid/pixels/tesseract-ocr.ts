import { spawn } from 'node:child_process';
import type { Rectangle } from '../../../domain/deid/pixel-region-matching';

/** OCR could not run (tesseract missing or failing); the caller holds the instance for review. */
export class OcrUnavailableError extends Error {
  readonly code = 'DEID_OCR_UNAVAILABLE';
}

/** An 8-bit grey image for OCR. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Small images are doubled so that 8–10 pixel fonts reach the size tesseract reads best. */
function scaleFor(image: GreyImage): number {
  return image.width < 1000 && image.height < 1000 ? 2 : 1;
}

function upscaledPgm(image: GreyImage, scale: number): Buffer {
  const SCALE = scale;
  const width = image.width * SCALE;
  const height = image.height * SCALE;
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'ascii');
  const body = Buffer.alloc(width * height);
  for (let y = 0; y < height; y++) {
    const source = Math.floor(y / SCALE) * image.width;
    for (let x = 0; x < width; x++) body[y * width + x] = image.pixels[source + Math.floor(x / SCALE)]!;
  }
  return Buffer.concat([header, body]);
}

function run(input: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('tesseract', ['stdin', 'stdout', '--psm', '11', 'tsv'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new OcrUnavailableError(`tesseract cannot start: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new OcrUnavailableError(`tesseract exited with ${code}: ${Buffer.concat(err).toString('utf8').trim().split('\n').pop() ?? ''}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * Finds text in an image with the `tesseract` binary (sparse-text mode, image doubled for small fonts) and returns
 * word boxes padded by 40 % of the text height (glyph boxes are tight; anti-aliased edges and accents are not) in image coordinates. Any word with a letter or digit counts: burned-in PHI is
 * short (names, IDs, dates) and a missed word costs more than blanking a harmless label.
 */
export async function detectTextBoxes(image: GreyImage): Promise<Rectangle[]> {
  const scale = scaleFor(image);
  const tsv = await run(upscaledPgm(image, scale));
  const boxes: Rectangle[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const fields = line.split('\t');
    if (fields.length < 12 || fields[0] !== '5') continue;
    const confidence = Number(fields[10]);
    const text = (fields[11] ?? '').trim();
    if (confidence < 0 || !/[A-Za-z0-9]/.test(text)) continue;
    const [left, top, width, height] = fields.slice(6, 10).map((field) => Number(field) / scale) as [number, number, number, number];
    const padding = Math.max(3, Math.ceil(height * 0.4));
    boxes.push([left - padding, top - padding, width + 2 * padding, height + 2 * padding]);
  }
  return boxes;
}
