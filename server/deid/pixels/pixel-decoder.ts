import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A compressed transfer syntax could not be decoded; the instance is held for review. */
export class PixelDecodeError extends Error {
  readonly code = 'DEID_PIXEL_DECODE';
}

/** Decodes encapsulated pixel data to Explicit VR Little Endian with GDCM's `gdcmconv --raw` (JPEG, JPEG-LS, J2K, RLE). */
export async function decodeToNative(part10: Uint8Array): Promise<Uint8Array> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'lightbox-deid-'));
  try {
    const input = path.join(directory, 'in.dcm');
    const output = path.join(directory, 'out.dcm');
    await writeFile(input, part10);
    await execFileAsync('gdcmconv', ['--raw', input, output]);
    return new Uint8Array(await readFile(output));
  } catch (error) {
    throw new PixelDecodeError(`gdcmconv could not decode the pixel data: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
