import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DeidOptions } from '../../domain/deid/options';
import { createPixelCleaner } from '../deid/pixels/default-pixel-cleaner';
import { listInputFiles, runDeid } from '../deid/deid-run';
import { PseudonymStore } from '../deid/pseudonym-store';
import { deriveSiteKeys, keyedPseudonyms } from '../deid/site-keys';
import { CliError, parseCliArgs, requireOption, type CliCommand } from './command';

const help = `Usage: lightbox deid IN... --out DIR [options]

De-identifies DICOM files and folders (recursively) with the PS3.15 Annex E Basic Application Level
Confidentiality Profile. Output files are named by their new SOP Instance UID; instances that could not be
checked (e.g. burned-in text that could not be cleaned) go to DIR/held-for-review with a reason file.

Options:
  --out DIR                             output folder (required)
  --retain-patient-characteristics      keep sex, age, size, weight, … (113108)
  --retain-longitudinal full|modified   keep dates, or shift them per patient by a keyed offset (113106/113107)
  --retain-safe-private                 keep private attributes on the merged safe list (113111)
  --retain-uids                         keep UIDs (113110)
  --retain-device-identity              keep device identifiers (113109)
  --retain-institution-identity         keep institution name and address (113112)
  --clean-descriptors                   keep descriptions with identifying words removed (113105)
  --clean-structured-content            keep SR content with identifying values removed (113104)
  --clean-graphics                      keep overlays and graphics with text removed (113103)
  --clean-pixel-data                    blank burned-in text: known regions, then OCR (113101)
  --secret-file F                       site secret for keyed UIDs, pseudonyms and the pseudonym log
                                        (default DATA_DIR/deid/site-secret, created on first use)

The pseudonymisation log (original ↔ pseudonym, AES-256-GCM sealed) is kept in DATA_DIR/deid/pseudonyms.sqlite.`;

const optionSpec = {
  out: { type: 'string' },
  'retain-patient-characteristics': { type: 'boolean' },
  'retain-longitudinal': { type: 'string' },
  'retain-safe-private': { type: 'boolean' },
  'retain-uids': { type: 'boolean' },
  'retain-device-identity': { type: 'boolean' },
  'retain-institution-identity': { type: 'boolean' },
  'clean-descriptors': { type: 'boolean' },
  'clean-structured-content': { type: 'boolean' },
  'clean-graphics': { type: 'boolean' },
  'clean-pixel-data': { type: 'boolean' },
  'secret-file': { type: 'string' },
} as const;

async function loadSecret(secretFile: string | undefined, dataDir: string): Promise<Buffer> {
  if (secretFile) {
    try {
      return await readFile(secretFile);
    } catch (error) {
      throw new CliError(`--secret-file ${secretFile} cannot be read: ${(error as Error).message}`);
    }
  }
  const defaultFile = path.join(dataDir, 'deid', 'site-secret');
  try {
    return await readFile(defaultFile);
  } catch {
    await mkdir(path.dirname(defaultFile), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32);
    await writeFile(defaultFile, secret, { mode: 0o600, flag: 'wx' });
    await chmod(defaultFile, 0o600);
    return secret;
  }
}

function optionsFrom(values: Record<string, unknown>): DeidOptions {
  const longitudinal = values['retain-longitudinal'];
  if (longitudinal !== undefined && longitudinal !== 'full' && longitudinal !== 'modified') {
    throw new CliError('--retain-longitudinal must be "full" or "modified"');
  }
  return {
    retainPatientCharacteristics: values['retain-patient-characteristics'] === true,
    retainLongitudinal: longitudinal ?? 'none',
    retainSafePrivate: values['retain-safe-private'] === true,
    retainUids: values['retain-uids'] === true,
    retainDeviceIdentity: values['retain-device-identity'] === true,
    retainInstitutionIdentity: values['retain-institution-identity'] === true,
    cleanDescriptors: values['clean-descriptors'] === true,
    cleanStructuredContent: values['clean-structured-content'] === true,
    cleanGraphics: values['clean-graphics'] === true,
    cleanPixelData: values['clean-pixel-data'] === true,
  };
}

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCliArgs(args, optionSpec, true);
  const outDir = requireOption(values, 'out');
  if (positionals.length === 0) throw new CliError('give at least one input file or folder');
  const options = optionsFrom(values);
  const dataDir = process.env.DATA_DIR ?? './data';
  let files: string[];
  try {
    files = await listInputFiles(positionals);
  } catch (error) {
    throw new CliError(`cannot read input: ${(error as Error).message}`);
  }
  const keys = deriveSiteKeys(await loadSecret(values['secret-file'], dataDir));
  const store = PseudonymStore.open(dataDir, keys.store);
  const tty = process.stderr.isTTY === true;
  try {
    const summary = await runDeid(files, outDir, options, { keyed: keyedPseudonyms(keys), pixelCleaner: createPixelCleaner() }, store, {
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
    store.close();
  }
}

/** `lightbox deid`: de-identify files and folders (PS3.15 Annex E) into an output folder. */
export const command: CliCommand = { help, run };
