import type { DicomDataset, DicomElement } from './dicom-dataset';
import { asciiText, encodeAscii, findElement, withElement } from './dicom-dataset';
import type { DeidOptions, MethodCode } from './options';

const PATIENT_IDENTITY_REMOVED = 0x00120062;
const DEIDENTIFICATION_METHOD = 0x00120063;
const DEIDENTIFICATION_METHOD_CODE_SEQUENCE = 0x00120064;
const BURNED_IN_ANNOTATION = 0x00280301;
const LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED = 0x00280303;
const CODE_VALUE = 0x00080100;
const CODING_SCHEME_DESIGNATOR = 0x00080102;
const CODE_MEANING = 0x00080104;

function text(tag: number, vr: string, value: string): DicomElement {
  return { tag, vr, value: encodeAscii(value, vr) };
}

function codeItem(code: MethodCode): DicomDataset {
  return [text(CODE_VALUE, 'SH', code.codeValue), text(CODING_SCHEME_DESIGNATOR, 'SH', 'DCM'), text(CODE_MEANING, 'LO', code.meaning)];
}

/** PS3.15 E.1.1: the free-text method, one LO value (≤ 64 characters) per part. */
export function methodDescription(codes: readonly MethodCode[]): string {
  return ['Lightbox PS3.15 Annex E 2024b', ...codes.map((code) => code.meaning.replace(/ Option$/, ''))]
    .map((part) => part.slice(0, 64))
    .join('\\');
}

/**
 * Writes the de-identification markers of PS3.15 E.1.1 and PS3.3 C.7.6.1.1: Patient Identity Removed YES, the
 * method as text and as CID 7050 codes (codes already present from an earlier de-identification are kept first),
 * Longitudinal Temporal Information Modified, and Burned In Annotation NO once the pixels were cleaned.
 */
export function withMarkers(
  dataset: DicomDataset,
  original: DicomDataset,
  options: DeidOptions,
  codes: readonly MethodCode[],
  pixelsCleaned: boolean,
): DicomElement[] {
  const earlier = findElement(original, DEIDENTIFICATION_METHOD_CODE_SEQUENCE)?.items ?? [];
  const seen = new Set(earlier.map((item) => asciiText(findElement(item, CODE_VALUE)?.value)));
  const items = [...earlier, ...codes.filter((code) => !seen.has(code.codeValue)).map(codeItem)];
  const temporal = options.retainLongitudinal === 'full' ? 'UNMODIFIED' : options.retainLongitudinal === 'modified' ? 'MODIFIED' : 'REMOVED';
  let result = withElement(dataset, text(PATIENT_IDENTITY_REMOVED, 'CS', 'YES'));
  result = withElement(result, text(DEIDENTIFICATION_METHOD, 'LO', methodDescription(codes)));
  result = withElement(result, { tag: DEIDENTIFICATION_METHOD_CODE_SEQUENCE, vr: 'SQ', items });
  result = withElement(result, text(LONGITUDINAL_TEMPORAL_INFORMATION_MODIFIED, 'CS', temporal));
  if (pixelsCleaned) result = withElement(result, text(BURNED_IN_ANNOTATION, 'CS', 'NO'));
  return result;
}
