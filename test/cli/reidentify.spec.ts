import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tceFixture } from '../harness/dicom';

const bin = path.resolve(__dirname, '../../bin/lightbox.mjs');

async function lightbox(args: string[], dataDir: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { env: { ...process.env, DATA_DIR: dataDir } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('lightbox reidentify', () => {
  it('finds the original of a pseudonym only with who and why, and records every look-up', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lightbox-reid-'));
    const out = path.join(dataDir, 'out');
    const deid = await lightbox(['deid', tceFixture('ct-1'), '--out', out, '--jobs', '1'], dataDir);
    expect(deid.code, deid.stderr).toBe(0);
    const pseudonymousUid = readdirSync(out).find((f) => f.endsWith('.dcm'))!.replace(/\.dcm$/, '');

    const unjustified = await lightbox(['reidentify', '--pseudonym', pseudonymousUid, '--by', 'Dr Who'], dataDir);
    expect(unjustified.code).toBe(2);
    expect(unjustified.stderr).toMatch(/--reason is required/);

    const found = await lightbox(['reidentify', '--pseudonym', pseudonymousUid, '--by', 'Dr Caldicott, IG lead', '--reason', 'incidental finding follow-up'], dataDir);
    expect(found.code, found.stderr).toBe(0);
    expect(found.stdout).toMatch(/^\S+\t[0-9.]+\t\(export /m);

    const audit = await lightbox(['reidentify', '--audit'], dataDir);
    expect(audit.stdout).toContain('Dr Caldicott, IG lead');
    expect(audit.stdout).toContain('incidental finding follow-up');
  });
});
