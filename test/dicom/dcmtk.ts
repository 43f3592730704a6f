import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const fixturesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/tce');
export const fixture = (name: string) => join(fixturesDir, `${name}.dcm`);

export const freshTempDir = (prefix: string) => mkdtemp(join(tmpdir(), `lightbox-${prefix}-`));

export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs a dcmtk tool without blocking the event loop (the SCP under test shares this process). Nagle off. */
export function runTool(tool: string, args: readonly string[], timeoutMs = 30_000): Promise<ToolResult> {
  const started = Date.now();
  return new Promise((done) => {
    execFile(tool, [...args], { env: { ...process.env, TCP_NODELAY: '1' }, timeout: timeoutMs }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      done({ code, stdout: String(stdout), stderr: String(stderr), ms: Date.now() - started });
    });
  });
}

export const storescu = (port: number, files: readonly string[], options: readonly string[] = [], calledAet = 'LIGHTBOX') =>
  runTool('storescu', ['-aet', 'TESTSCU', '-aec', calledAet, ...options, '127.0.0.1', String(port), ...files]);

export const echoscu = (port: number, calledAet = 'LIGHTBOX', callingAet = 'TESTSCU') =>
  runTool('echoscu', ['-aet', callingAet, '-aec', calledAet, '127.0.0.1', String(port)]);
