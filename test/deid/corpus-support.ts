import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DicomDataset } from '../../domain/deid/dicom-dataset';
import { asciiValues, groupOf, isPrivateTag } from '../../domain/deid/dicom-dataset';
import type { DeidOptions } from '../../domain/deid/options';
import { readPart10 } from '../../server/deid/codec/read-part10';
import { writePart10 } from '../../server/deid/codec/write-part10';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const samplesDir = path.resolve(repoRoot, '../shared/data/dicom-samples');
const annexEJson = path.resolve(repoRoot, '../shared/data/annex-e/confidentiality_profile_attributes.json');
export const samplesPresent = existsSync(samplesDir) && existsSync(annexEJson);

export function listSampleFiles(): string[] {
  const files: string[] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) visit(full);
      else files.push(full);
    }
  };
  visit(samplesDir);
  return files;
}

const OPTION_KEYS: [keyof DeidOptions | 'modified' | 'full', string][] = [
  ['retainPatientCharacteristics', 'rtnPatCharsOpt'], ['retainSafePrivate', 'rtnSafePrivOpt'], ['retainUids', 'rtnUIDsOpt'],
  ['retainDeviceIdentity', 'rtnDevIdOpt'], ['retainInstitutionIdentity', 'rtnInstIdOpt'], ['cleanDescriptors', 'cleanDescOpt'],
  ['cleanStructuredContent', 'cleanStructContOpt'], ['cleanGraphics', 'cleanGraphOpt'],
];

/** Table E.1-1 read straight from the shared JSON (not from the engine's generated table), per option set. */
export function tableActions(options: DeidOptions): Map<number, string> {
  const rows = JSON.parse(readFileSync(annexEJson, 'utf8')) as Record<string, string>[];
  const actions = new Map<number, string>();
  for (const row of rows) {
    const match = /^\(([0-9A-F]{4}),([0-9A-F]{4})\)$/i.exec(row.tag ?? '');
    if (!match) continue;
    const columns = OPTION_KEYS.filter(([key]) => options[key as keyof DeidOptions] === true).map(([, column]) => column);
    if (options.retainLongitudinal === 'full') columns.push('rtnLongFullDatesOpt');
    if (options.retainLongitudinal === 'modified') columns.push('rtnLongModifDatesOpt');
    const codes = columns.map((column) => row[column]).filter(Boolean);
    const action = codes.includes('C') ? 'C' : codes.includes('K') ? 'K' : row.basicProfile!;
    actions.set(parseInt(match[1]! + match[2]!, 16), action);
  }
  return actions;
}

const PHI_VRS = new Set(['PN', 'LO', 'SH', 'ST', 'LT', 'UT', 'DA', 'DT', 'UI']);
const latin1 = new TextDecoder('latin1');

/**
 * Every original value the profile must not let through: values (and name components) of PN/LO/SH/ST/LT/UT/DA/DT/UI
 * attributes whose action removes or replaces them, dates shifted by Modified Dates, and all private text.
 * Values that a retained attribute of the same file also holds are set aside (they are not leaks of that attribute).
 */
export function originalPhiValues(dataset: DicomDataset, actions: Map<number, string>): { phi: string[]; retained: Set<string> } {
  const phi = new Set<string>();
  const retained = new Set<string>();
  const visit = (items: DicomDataset, inContent: boolean): void => {
    for (const element of items) {
      if (element.items) {
        for (const item of element.items) visit(item, inContent || element.tag === 0x0040a730);
        continue;
      }
      if (!element.value || !PHI_VRS.has(element.vr) || groupOf(element.tag) === 0x0002) continue;
      const values = element.vr === 'UI' ? asciiValues(element.value) : latin1.decode(element.value).replace(/[\0 ]+$/, '').split('\\').map((v) => v.trim());
      const action = actions.get(element.tag);
      const removed = isPrivateTag(element.tag) || (action !== undefined && action !== 'K' && (action !== 'C' || element.vr === 'DA' || element.vr === 'DT'));
      const contentText = inContent && element.vr !== 'PN' && element.vr !== 'DA' && element.vr !== 'DT' && element.vr !== 'UI';
      for (const value of values) {
        if (value.length < 4) continue;
        if (element.vr === 'UI' && value.startsWith('1.2.840.10008.')) continue;
        if (removed && !contentText) {
          phi.add(value);
          if (element.vr === 'PN') for (const part of value.split(/[\^=]/)) if (part.trim().length >= 4) phi.add(part.trim());
        } else {
          retained.add(value);
        }
      }
    }
  };
  visit(dataset, false);
  const kept = [...retained];
  return { phi: [...phi].filter((value) => !kept.some((other) => other.includes(value))), retained };
}

function dciodvfyErrors(file: string): Set<string> {
  const result = spawnSync('dciodvfy', [file], { encoding: 'latin1' });
  return new Set(
    `${result.stdout}\n${result.stderr}`.split('\n').filter((line) => line.startsWith('Error')).map((line) => line.replace(/\b[0-9][0-9.]*\b/g, 'N')),
  );
}

/**
 * dciodvfy errors of the output that the input did not have. The baseline also includes the input re-encoded with
 * the illegal groups 0001–0007 and FFFF dropped, because dciodvfy stops validating at such elements and would
 * otherwise hide pre-existing errors that only become visible once de-identification removed them.
 */
export function newValidatorErrors(inputFile: string, outputFile: string, scratch: string): string[] {
  const baseline = dciodvfyErrors(inputFile);
  try {
    const parsed = readPart10(readFileSync(inputFile));
    const cleaned = parsed.dataset.filter((element) => groupOf(element.tag) >= 0x0008 && groupOf(element.tag) !== 0xffff);
    writeFileSync(scratch, writePart10(parsed.meta, cleaned, parsed.transferSyntax));
    for (const line of dciodvfyErrors(scratch)) baseline.add(line);
  } catch {
    // the input baseline alone applies
  }
  return [...dciodvfyErrors(outputFile)].filter((line) => !baseline.has(line));
}

/**
 * True when `value` occurs in the output not glued to other letters or digits, so "MARY" is found as a name but not
 * inside "PRIMARY", and "0010" not inside the dummy date 19000101.
 */
export function containsAsToken(output: string, value: string): boolean {
  const alphanumeric = /[A-Za-z0-9]/;
  for (let index = output.indexOf(value); index >= 0; index = output.indexOf(value, index + 1)) {
    const before = output[index - 1] ?? ' ';
    const after = output[index + value.length] ?? ' ';
    if (!(alphanumeric.test(value[0]!) && alphanumeric.test(before)) && !(alphanumeric.test(value.at(-1)!) && alphanumeric.test(after))) return true;
  }
  return false;
}
