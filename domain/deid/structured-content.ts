import type { ActionCode } from './annex-e-types';
import type { DicomDataset } from './dicom-dataset';
import { findElement, textOf } from './dicom-dataset';
import type { DeidOptions } from './options';
import { resolveRow } from './rule-set';
import { STRUCTURED_CONTENT_ROWS } from './tables/structured-content-table.generated';

export const CONCEPT_NAME_CODE_SEQUENCE = 0x0040a043;
export const CONTENT_SEQUENCE = 0x0040a730;
const CODE_VALUE = 0x00080100;
const CODING_SCHEME_DESIGNATOR = 0x00080102;
const KEY_OBJECT_SELECTION_DOCUMENT = '1.2.840.10008.5.1.4.1.1.88.59';

const rowsByConcept = new Map(STRUCTURED_CONTENT_ROWS.map((row) => [`${row.codeValue}|${row.codingScheme.toUpperCase()}`, row]));

function conceptOf(item: DicomDataset): { codeValue: string; scheme: string } | null {
  const concept = findElement(item, CONCEPT_NAME_CODE_SEQUENCE)?.items?.[0];
  if (!concept) return null;
  return { codeValue: textOf(concept, CODE_VALUE), scheme: textOf(concept, CODING_SCHEME_DESIGNATOR).toUpperCase() };
}

/**
 * The Table E.3.4-1 action for one SR content item, from its Concept Name, or null when the concept is not listed.
 * X/D resolves to D: removing an item a template requires would break the document, and D leaves no identity.
 */
export function contentItemAction(item: DicomDataset, options: DeidOptions): ActionCode | null {
  const concept = conceptOf(item);
  if (!concept) return null;
  const row = rowsByConcept.get(`${concept.codeValue}|${concept.scheme}`);
  if (!row) return null;
  const action = resolveRow(row, options);
  return action === 'X/D' ? 'D' : action;
}

/**
 * True for the IHE TCE documents the Export Manager must keep usable (KOS manifest, ATFI report, recognised by the
 * root title TCE006/IHERADTF or 128712/DCM): their Content Sequence is always cleaned, never blanked or removed,
 * because the manifest's references and the teaching text are what the receiver needs (tce.md §4).
 */
export function isTeachingFileDocument(dataset: DicomDataset, sopClassUid: string): boolean {
  if (sopClassUid === KEY_OBJECT_SELECTION_DOCUMENT) return true;
  const concept = conceptOf(dataset);
  if (!concept) return false;
  return (concept.codeValue === 'TCE006' && concept.scheme === 'IHERADTF') || (concept.codeValue === '128712' && concept.scheme === 'DCM');
}
