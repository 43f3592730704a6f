import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer } from '../harness/server';

const bin = path.resolve(__dirname, '../../bin/lightbox.mjs');

async function lightbox(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', [bin, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('lightbox CLI', () => {
  it('prints help for the program and for each command', async () => {
    expect((await lightbox(['--help'])).stdout).toMatch(/Usage: lightbox <command>/);
    expect((await lightbox(['user', '--help'])).stdout).toMatch(/lightbox user add --email/);
    expect((await lightbox(['projections', '--help'])).stdout).toMatch(/rebuild/);
  });

  it('answers bad arguments with a one-line error and a non-zero exit', async () => {
    const unknown = await lightbox(['frobnicate']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const missing = await lightbox(['user', 'add', '--email', 'a@b.org']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--name is required/);
    const badGmc = await lightbox(['user', 'add', '--email', 'a@b.org', '--name', 'A', '--password', 'long-enough-1', '--gmc', 'GMC12'], {
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lightbox-cli-')),
    });
    expect(badGmc.code).toBe(1);
    expect(badGmc.stderr).toMatch(/not a GMC number.*INVALID_GMC_NUMBER/);
    const badPort = await lightbox(['serve'], { PORT: 'eighty' });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toMatch(/PORT="eighty"/);
  });

  it('adds a user the running server then signs in, finds their personal folder, and rebuilds the read models', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lightbox-cli-'));
    const server = await startTestServer({ DATA_DIR: dataDir });
    const added = await lightbox(['user', 'add', '--email', 'cli@example.org', '--name', 'Cli User', '--password', 'correct-horse-c', '--gmc', 'GMC3456789'], { DATA_DIR: dataDir });
    expect(added.code).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    await server.settle();
    const token = await signIn(server.url, 'cli@example.org', 'correct-horse-c');
    const me = (await graphql(server.url, '{ me { gmcNumber personalFolder { id } } }', {}, token)).data?.me;
    expect(me.gmcNumber).toBe('GMC3456789');
    expect(me.personalFolder.id).toBeTruthy();
    await server.close({ keepData: true });

    const rebuilt = await lightbox(['projections', 'rebuild'], { DATA_DIR: dataDir });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(/Rebuilt \d+ read models from \d+ events/);
    const again = await startTestServer({ DATA_DIR: dataDir });
    const after = (await graphql(again.url, '{ me { gmcNumber personalFolder { id } } }', {}, token)).data?.me;
    expect(after).toEqual(me);
    await again.close();
  });
});
