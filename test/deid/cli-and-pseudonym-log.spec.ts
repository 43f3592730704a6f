import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CliError } from '../../server/cli/command';
import { command } from '../../server/cli/deid';
import { readPart10 } from '../../server/deid/codec/read-part10';
import { PseudonymStore, ReidentificationRequestError } from '../../server/deid/pseudonym-store';
import { deriveSiteKeys } from '../../server/deid/site-keys';
import { asciiText, findElement } from '../../domain/deid/dicom-dataset';
import { repoRoot } from './corpus-support';

const fixtures = path.resolve(repoRoot, 'test/fixtures/deid');

function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'lightbox-deid-cli-'));
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('lightbox deid', () => {
  it('rejects bad arguments with a one-line CliError', async () => {
    await expect(command.run(['--out', tempDir()])).rejects.toBeInstanceOf(CliError);
    await expect(command.run([fixtures])).rejects.toThrow('--out is required');
    await expect(command.run([fixtures, '--out', tempDir(), '--retain-longitudinal', 'sometimes'])).rejects.toThrow(/full" or "modified/);
    await expect(command.run([fixtures, '--out', tempDir(), '--no-such-option'])).rejects.toBeInstanceOf(CliError);
  });

  it('de-identifies a folder into files named by new SOP Instance UIDs, reports unreadable files and logs pseudonyms', async () => {
    const work = tempDir();
    const input = path.join(work, 'in');
    const out = path.join(work, 'out');
    const secretFile = path.join(work, 'secret');
    writeFileSync(secretFile, 'a-site-secret-of-enough-length-for-tests');
    const { mkdirSync, copyFileSync } = await import('node:fs');
    mkdirSync(input);
    for (const name of readdirSync(fixtures)) copyFileSync(path.join(fixtures, name), path.join(input, name));
    writeFileSync(path.join(input, 'notes.txt'), 'not dicom at all');
    vi.stubEnv('DATA_DIR', path.join(work, 'data'));
    const stderr: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr.push(String(chunk));
      return true;
    });
    const exitCode = await command.run([input, '--out', out, '--secret-file', secretFile, '--retain-longitudinal', 'modified']);
    expect(exitCode).toBe(1);
    expect(stderr.filter((line) => line.startsWith('error: ')).length).toBe(1);
    expect(stderr.join('')).toMatch(/files: 3, de-identified: 2, held for review: 0, errors: 1, elapsed: [\d.]+ s/);
    const outputs = readdirSync(out).sort();
    expect(outputs).toHaveLength(2);
    for (const name of outputs) {
      const file = readPart10(readFileSync(path.join(out, name)));
      expect(name).toBe(`${asciiText(findElement(file.dataset, 0x00080018)?.value)}.dcm`);
      expect(name).toMatch(/^2\.25\.\d+\.dcm$/);
    }
    const ct = readPart10(readFileSync(path.join(fixtures, 'CT_small.dcm')));
    const originalId = asciiText(findElement(ct.dataset, 0x00100020)?.value);
    const pseudonyms = outputs.map((name) => asciiText(findElement(readPart10(readFileSync(path.join(out, name))).dataset, 0x00100020)?.value));
    const store = PseudonymStore.open(path.join(work, 'data'), deriveSiteKeys(readFileSync(secretFile)).store);
    try {
      expect(() => store.reidentify({ pseudonym: pseudonyms[0]!, who: '', why: 'curious', at: new Date() })).toThrow(ReidentificationRequestError);
      const found = pseudonyms.flatMap((pseudonym) => store.reidentify({ pseudonym, who: 'dr.audit', why: 'incidental finding follow-up', at: new Date('2025-01-02T03:04:05Z') }));
      expect(found.map((entry) => entry.original)).toContain(originalId);
      expect(store.auditTrail()).toHaveLength(2);
      expect(store.auditTrail()[0]).toMatchObject({ who: 'dr.audit', why: 'incidental finding follow-up', at: '2025-01-02T03:04:05.000Z' });
    } finally {
      store.close();
    }
    const database = readFileSync(path.join(work, 'data', 'deid', 'pseudonyms.sqlite')).toString('latin1');
    expect(database.includes(originalId)).toBe(false);
  });
});
