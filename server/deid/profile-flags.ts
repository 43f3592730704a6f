import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { DeidOptions } from '../../domain/deid/options';

/** The de-identification profile flags shared by `lightbox deid` and `lightbox gateway` (same names, same meaning). */
export const PROFILE_FLAG_SPEC = {
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

export const PROFILE_FLAG_HELP = `  --retain-patient-characteristics      keep sex, age, size, weight, … (113108)
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
                                        (default DATA_DIR/deid/site-secret, created on first use)`;

/** A profile flag with a value outside its allowed set. */
export class ProfileFlagError extends Error {
  readonly code = 'DEID_BAD_FLAG';
}

/** Reads the profile flags parsed with `PROFILE_FLAG_SPEC` into de-identification options. */
export function deidOptionsFromFlags(values: Record<string, unknown>): DeidOptions {
  const longitudinal = values['retain-longitudinal'];
  if (longitudinal !== undefined && longitudinal !== 'full' && longitudinal !== 'modified') {
    throw new ProfileFlagError('--retain-longitudinal must be "full" or "modified"');
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

/** The site secret cannot be read from the file the user named. */
export class SiteSecretFileError extends Error {
  readonly code = 'DEID_SECRET_UNREADABLE';
}

/**
 * Reads the site secret from `secretFile`, else from DATA_DIR/deid/site-secret, creating that one (32 random bytes,
 * mode 0600) on first use. The same secret must serve every run of a site, or its pseudonyms stop matching.
 */
export async function loadSiteSecret(secretFile: string | undefined, dataDir: string): Promise<Buffer> {
  if (secretFile) {
    try {
      return await readFile(secretFile);
    } catch (error) {
      throw new SiteSecretFileError(`--secret-file ${secretFile} cannot be read: ${(error as Error).message}`);
    }
  }
  const defaultFile = path.join(dataDir, 'deid', 'site-secret');
  try {
    return await readFile(defaultFile);
  } catch {
    await mkdir(path.dirname(defaultFile), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32);
    try {
      await writeFile(defaultFile, secret, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(defaultFile);
      throw error;
    }
    await chmod(defaultFile, 0o600);
    return secret;
  }
}
