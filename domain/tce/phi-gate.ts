import type { DicomInstanceSummary } from '../dicom/instance-summary';
import { walkContent } from '../dicom/sr-content';
import { matchesAny } from './codes';
import { code } from '../dicom/coded-concept';
import { readManifest } from './manifest';
import { isAtfi } from './manifest';

export type PhiFindingCode =
  | 'PATIENT_IDENTITY_NOT_REMOVED'
  | 'BURNED_IN_ANNOTATION'
  | 'PERSON_NAME_IN_TEXT'
  | 'NHS_NUMBER_IN_TEXT'
  | 'DATE_IN_TEXT'
  | 'TITLED_NAME_IN_TEXT';

/** `quarantine`: keep out of cases until an admin releases it; `pixel-review`: usable, flagged; `warn`: shown to the owner. */
export type PhiSeverity = 'quarantine' | 'pixel-review' | 'warn';

export interface PhiFinding {
  readonly code: PhiFindingCode;
  readonly severity: PhiSeverity;
  /** Where it was found: an attribute keyword, `KOD`, or `ATFI <concept meaning>`. */
  readonly where: string;
  readonly detail: string;
}

export interface PhiVerdict {
  readonly quarantine: boolean;
  readonly pixelReview: boolean;
  readonly findings: readonly PhiFinding[];
}

/**
 * Free-text rules, decided for Lightbox (tce.md §5 item 14 only says "warn"):
 * - a DICOM-formatted name (`FAMILY^GIVEN`) in prose is almost certainly a pasted patient name → quarantine;
 * - a 10-digit number passing the NHS Modulus 11 check is a patient identifier → quarantine;
 * - full dates and "Mr/Mrs/Ms/Miss + Name" are common in honest teaching text (eponyms, study dates the
 *   de-identifier shifted) → warn, so the owner reviews before publishing.
 */
const PN_CARET = /\b\p{Lu}[\p{L}'-]+\^\p{L}[\p{L}'-]*/u;
const NHS_CANDIDATE = /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g;
const DATE_PATTERNS = [
  /\b(0?[1-9]|[12]\d|3[01])[/.-](0?[1-9]|1[0-2])[/.-](19|20)\d{2}\b/,
  /\b(19|20)\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/,
  /\b(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b/,
  /\b(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)? (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* (19|20)\d{2}\b/i,
];
const TITLED_NAME = /\b(Mr|Mrs|Ms|Miss|Mx)\.? \p{Lu}\p{Ll}+/u;

/** NHS number check digit: weights 10..2 over the first nine digits, 11 − (sum mod 11), 11 → 0, 10 invalid. */
export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

/** Findings in one piece of free text. */
export function scanFreeText(text: string, where: string): PhiFinding[] {
  const findings: PhiFinding[] = [];
  const pn = PN_CARET.exec(text);
  if (pn) findings.push({ code: 'PERSON_NAME_IN_TEXT', severity: 'quarantine', where, detail: `DICOM-style name "${pn[0]}"` });
  for (const match of text.matchAll(NHS_CANDIDATE)) {
    if (isValidNhsNumber(match[0].replace(/[ -]/g, ''))) {
      findings.push({ code: 'NHS_NUMBER_IN_TEXT', severity: 'quarantine', where, detail: 'a valid NHS number' });
      break;
    }
  }
  const date = DATE_PATTERNS.map((p) => p.exec(text)).find((m) => m !== null);
  if (date) findings.push({ code: 'DATE_IN_TEXT', severity: 'warn', where, detail: `date "${date[0]}"` });
  const titled = TITLED_NAME.exec(text);
  if (titled) findings.push({ code: 'TITLED_NAME_IN_TEXT', severity: 'warn', where, detail: `"${titled[0]}"` });
  return findings;
}

/** ATFI items about the submitting author, which are meant to name a person. */
const authorConcepts = [code('TCE101', 'IHERADTF', 'Author'), code('TCE102', 'IHERADTF', 'Affiliation'), code('TCE103', 'IHERADTF', 'Contact')];

function freeTextOf(summary: DicomInstanceSummary): Array<{ text: string; where: string }> {
  const manifest = readManifest(summary);
  if (manifest) return manifest.keyObjectDescription ? [{ text: manifest.keyObjectDescription, where: 'KOD' }] : [];
  if (!isAtfi(summary) || !summary.sr) return [];
  const texts: Array<{ text: string; where: string }> = [];
  for (const item of walkContent(summary.sr.root)) {
    if (item.valueType === 'TEXT' && !matchesAny(item.concept, authorConcepts)) {
      texts.push({ text: item.text, where: `ATFI ${item.concept?.meaning ?? 'text'}` });
    }
  }
  return texts;
}

/**
 * The receiver's PHI gate (tce.md §5 item 14). Lightbox sits outside the hospital, so an object must say it
 * was de-identified: Patient Identity Removed (0012,0062) other than YES quarantines it. Burned In Annotation
 * YES flags the pixels for review. KOD and ATFI free text are scanned as described above.
 */
export function checkPhi(summary: DicomInstanceSummary): PhiVerdict {
  const findings: PhiFinding[] = [];
  const pir = summary.patientIdentityRemoved;
  if (pir !== 'YES') {
    const sent = pir === null ? 'absent' : typeof pir === 'string' ? pir : `"${pir.invalid}"`;
    findings.push({ code: 'PATIENT_IDENTITY_NOT_REMOVED', severity: 'quarantine', where: 'PatientIdentityRemoved', detail: `is ${sent}, not YES` });
  }
  if (summary.burnedInAnnotation === 'YES') {
    findings.push({ code: 'BURNED_IN_ANNOTATION', severity: 'pixel-review', where: 'BurnedInAnnotation', detail: 'is YES' });
  }
  for (const { text, where } of freeTextOf(summary)) findings.push(...scanFreeText(text, where));
  return {
    quarantine: findings.some((f) => f.severity === 'quarantine'),
    pixelReview: findings.some((f) => f.severity === 'pixel-review'),
    findings,
  };
}
