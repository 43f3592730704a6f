import type { DeidOptions } from '../../domain/deid/options';
import { listInputFiles, runDeid } from '../deid/deid-run';
import { createDeidWorkerPool } from '../deid/deid-worker-pool';
import { createPixelCleaner } from '../deid/pixels/default-pixel-cleaner';
import { deidOptionsFromFlags, loadSiteSecret, PROFILE_FLAG_HELP, PROFILE_FLAG_SPEC } from '../deid/profile-flags';
import { PseudonymStore } from '../deid/pseudonym-store';
import { deriveSiteKeys, keyedPseudonyms } from '../deid/site-keys';
import { CliError, parseCliArgs, requireOption, type CliCommand } from './command';

const help = `Usage: lightbox deid IN... --out DIR [options]

De-identifies DICOM files and folders (recursively) with the PS3.15 Annex E Basic Application Level
Confidentiality Profile. Output files are named by their new SOP Instance UID; instances that could not be
checked (e.g. burned-in text that could not be cleaned) go to DIR/held-for-review with a reason file.

Options:
  --out DIR                             output folder (required)
  --jobs N                              worker threads (default: the number of CPU cores; 1 = no workers)
${PROFILE_FLAG_HELP}

The pseudonymisation log (original ↔ pseudonym, AES-256-GCM sealed) is kept in DATA_DIR/deid/pseudonyms.sqlite.`;

const optionSpec = { out: { type: 'string' }, jobs: { type: 'string' }, ...PROFILE_FLAG_SPEC } as const;

function profileFrom(values: Record<string, unknown>): DeidOptions {
  try {
    return deidOptionsFromFlags(values);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

function jobsFrom(value: string | undefined): number | null {
  if (value === undefined) return null;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new CliError('--jobs must be a whole number from 1 to 64');
  return jobs;
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, optionSpec, true);
  const outDir = requireOption(values, 'out');
  if (positionals.length === 0) throw new CliError('give at least one input file or folder');
  const options = profileFrom(values);
  const jobs = jobsFrom(values.jobs);
  const dataDir = process.env.DATA_DIR ?? './data';
  let files: string[];
  try {
    files = await listInputFiles(positionals);
  } catch (error) {
    throw new CliError(`cannot read input: ${(error as Error).message}`);
  }
  let secret: Buffer;
  try {
    secret = await loadSiteSecret(values['secret-file'], dataDir);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const keys = deriveSiteKeys(secret);
  const store = PseudonymStore.open(dataDir, keys.store);
  const pool = jobs === 1 || files.length < 2 ? null : createDeidWorkerPool(secret, options, jobs ?? undefined);
  const engine = pool ?? { keyed: keyedPseudonyms(keys), pixelCleaner: createPixelCleaner() };
  const tty = process.stderr.isTTY === true;
  try {
    const summary = await runDeid(files, outDir, options, engine, store, {
      reportError: (line) => process.stderr.write(`${tty ? '\r\x1b[K' : ''}error: ${line}\n`),
      progress: tty
        ? (done, total, elapsed) => process.stderr.write(`\r\x1b[K${done}/${total} files, ${(done / Math.max(elapsed, 1e-3)).toFixed(0)} files/s`)
        : undefined,
    });
    if (tty) process.stderr.write('\n');
    process.stderr.write(
      `files: ${summary.files}, de-identified: ${summary.deidentified}, held for review: ${summary.heldForReview}, ` +
        `errors: ${summary.errors}, elapsed: ${summary.elapsedSeconds.toFixed(2)} s\n`,
    );
    return summary.errors > 0 || summary.heldForReview > 0 ? 1 : 0;
  } finally {
    await pool?.close();
    store.close();
  }
}

/** `lightbox deid`: de-identify files and folders (PS3.15 Annex E) into an output folder. */
export const command: CliCommand = { help, run };
