import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const tceFixture = (name: string) => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/tce', `${name}.dcm`);

export interface StorescuResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Sends files with dcmtk's storescu (Nagle off, as a well-configured PACS would), one association. */
export function storescu(port: number, files: readonly string[], options: { callingAet?: string; calledAet?: string; extra?: string[] } = {}): Promise<StorescuResult> {
  const args = ['-aet', options.callingAet ?? 'TESTPACS', '-aec', options.calledAet ?? 'LIGHTBOX', ...(options.extra ?? []), '127.0.0.1', String(port), ...files];
  return new Promise((resolve) => {
    execFile('storescu', args, { env: { ...process.env, TCP_NODELAY: '1' }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Polls until `check` returns a value (not null/undefined) or the time is up. */
export async function eventually<T>(check: () => Promise<T | null | undefined>, timeoutMs = 5000, stepMs = 50): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
