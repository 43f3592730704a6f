import { execFile } from 'node:child_process';
import { access, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { findElement } from '../../domain/deid/dicom-dataset';
import { readPart10 } from '../deid/codec/read-part10';
import { readFile } from 'node:fs/promises';

/** dcmj2pnm could not render the instance (no pixel data, or a codec it lacks). */
export class RenderError extends Error {
  readonly code = 'GATEWAY_RENDER_FAILED';
}

const WINDOW_CENTER = 0x00281050;

/**
 * Renders the first frame of a de-identified instance to PNG with dcmtk's dcmj2pnm (it decodes JPEG, JPEG-LS and
 * RLE itself). The window is the file's first VOI window when it has one, else the pixel range (min/max), so the
 * reviewer sees what a viewer would show and burned-in text is visible. Cached beside the export.
 */
export async function renderPng(dicomFile: string, cacheDir: string): Promise<string> {
  const target = path.join(cacheDir, `${path.basename(dicomFile, '.dcm')}.png`);
  try {
    await access(target);
    return target;
  } catch {
    await mkdir(cacheDir, { recursive: true });
  }
  const { dataset } = readPart10(await readFile(dicomFile));
  if (!findElement(dataset, 0x7fe00010)) throw new RenderError('no pixel data');
  const window = findElement(dataset, WINDOW_CENTER)?.value?.length ? ['+Wi', '1'] : ['+Wm'];
  const partial = `${target}.${process.pid}.part`;
  await new Promise<void>((resolve, reject) => {
    execFile('dcmj2pnm', ['--write-png', '+F', '1', ...window, dicomFile, partial], { timeout: 30_000 }, (error, _stdout, stderr) => {
      if (error) reject(new RenderError(`dcmj2pnm: ${String(stderr).trim() || error.message}`));
      else resolve();
    });
  });
  await rename(partial, target);
  return target;
}
