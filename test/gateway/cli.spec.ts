import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runTool } from '../dicom/dcmtk';

const cli = path.resolve('bin/lightbox.mjs');
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('lightbox gateway (CLI)', () => {
  it('refuses to start without a destination or with a bad one, in one line', async () => {
    const missing = await runCli(['gateway'], { GATEWAY_DESTINATIONS: '' });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['lightbox gateway: give at least one --destination (dicom://AET@host:port or https://archive/dicomweb)']);
    const bad = await runCli(['gateway', '--destination', 'dicom://host:104']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('use dicom://AET@host:port');
  });

  it('starts from flags and environment, answers C-ECHO and serves the sign-in page, and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'lightbox-gateway-cli-'));
    dirs.push(dataDir);
    const child = spawn(process.execPath, [cli, 'gateway', '--port', '0', '--dicom-port', '0', '--aet', 'CLIGW', '--clean-descriptors'], {
      env: { ...process.env, DATA_DIR: dataDir, GATEWAY_DESTINATIONS: 'dicom://ARCHIVE@127.0.0.1:104', GATEWAY_UI_PASSWORD: 'pw' },
    });
    let stderr = '';
    const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    const ports = await new Promise<{ dicom: number; http: number }>((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        stderr += String(chunk);
        const match = /on port (\d+); preview http:\/\/127\.0\.0\.1:(\d+)\//.exec(stderr);
        if (match) resolve({ dicom: Number(match[1]), http: Number(match[2]) });
      });
      child.on('exit', () => reject(new Error(`gateway exited: ${stderr}`)));
    });
    expect(stderr).not.toContain('preview password');
    expect((await runTool('echoscu', ['-aec', 'CLIGW', '127.0.0.1', String(ports.dicom)])).code).toBe(0);
    const login = await fetch(`http://127.0.0.1:${ports.http}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('Gateway password');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
