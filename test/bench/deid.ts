/**
 * De-identification benchmark: Lightbox (full Annex E table, keyed UIDs, file in / file out) against GDCM's
 * `gdcmanon` (PS 3.15-2008 48-tag list with CMS-encrypted originals) on the same generated corpora in one run.
 *   npx tsx test/bench/deid.ts
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASIC_PROFILE } from '../../domain/deid/options';
import { listInputFiles, runDeid } from '../../server/deid/deid-run';
import { createDeidWorkerPool } from '../../server/deid/deid-worker-pool';
import { deriveSiteKeys, keyedPseudonyms } from '../../server/deid/site-keys';

export interface Row {
  tool: string;
  corpus: string;
  files: number;
  megabytes: number;
  seconds: number;
  filesPerSecond: number;
  megabytesPerSecond: number;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

function sizeOf(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
}

function row(tool: string, corpus: string, files: number, megabytes: number, seconds: number): Row {
  return { tool, corpus, files, megabytes: +megabytes.toFixed(1), seconds: +seconds.toFixed(2), filesPerSecond: Math.round(files / seconds), megabytesPerSecond: +(megabytes / seconds).toFixed(1) };
}

/** Generates the corpora, runs both tools on each, prints a table and returns the rows. */
export async function benchDeid(): Promise<Row[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'lightbox-bench-deid-'));
  try {
    const corpusDir = path.join(work, 'corpus');
    execFileSync(python, [path.resolve(repoRoot, '../shared/tools/gen-corpus.py'), '--out', corpusDir, '--n-large', '200', '--n-small', '2000'], { stdio: 'ignore' });
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(work, 'key.pem'), '-out', path.join(work, 'cert.pem'), '-subj', '/CN=bench', '-days', '1'], { stdio: 'ignore' });
    const secret = Buffer.from('benchmark-site-secret-0123456789');
    const keyed = keyedPseudonyms(deriveSiteKeys(secret));
    const pool = createDeidWorkerPool(secret, BASIC_PROFILE, 2);
    const rows: Row[] = [];
    for (const corpus of readdirSync(corpusDir).sort()) {
      const input = path.join(corpusDir, corpus);
      const files = await listInputFiles([input]);
      const megabytes = sizeOf(files);
      const lightboxOut = path.join(work, `lightbox-${corpus}`);
      const summary = await runDeid(files, lightboxOut, BASIC_PROFILE, { keyed }, null, { reportError: (line) => console.error(line) });
      rows.push(row('Lightbox (Annex E 2024b, full table)', corpus, summary.deidentified, megabytes, summary.elapsedSeconds));
      rmSync(lightboxOut, { recursive: true, force: true });
      await runDeid(files.slice(0, 50), lightboxOut, BASIC_PROFILE, pool, null, { reportError: (line) => console.error(line) });
      rmSync(lightboxOut, { recursive: true, force: true });
      const pooled = await runDeid(files, lightboxOut, BASIC_PROFILE, pool, null, { reportError: (line) => console.error(line) });
      rows.push(row('Lightbox, 2 worker threads (lightbox deid default)', corpus, pooled.deidentified, megabytes, pooled.elapsedSeconds));
      const gdcmOut = path.join(work, `gdcm-${corpus}`);
      const started = performance.now();
      const gdcm = spawnSync('gdcmanon', ['-e', '-c', path.join(work, 'cert.pem'), '-r', '--continue', '-i', input, '-o', gdcmOut]);
      if (gdcm.status !== 0) throw new Error(`gdcmanon failed: ${String(gdcm.stderr)}`);
      rows.push(row('gdcmanon 3.0 (PS 3.15-2008, 48 tags)', corpus, (await listInputFiles([gdcmOut])).length, megabytes, (performance.now() - started) / 1000));
    }
    await pool.close();
    console.table(rows);
    return rows;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchDeid();
}
