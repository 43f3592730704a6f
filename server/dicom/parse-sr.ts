import {
  asSeriesInstanceUid,
  asSopClassUid,
  asSopInstanceUid,
  asStudyInstanceUid,
  type EvidenceReference,
  type RelationshipType,
  type SrContentItem,
  type SrDocument,
  type SrReference,
} from '../../domain/dicom';
import type { NaturalDataset } from './dcmjs-io';
import { asItems, firstCode, numberOf, stringOf, textOf } from './natural-values';

const relationships = new Set<string>([
  'CONTAINS',
  'HAS PROPERTIES',
  'HAS CONCEPT MOD',
  'HAS OBS CONTEXT',
  'HAS ACQ CONTEXT',
  'INFERRED FROM',
  'SELECTED FROM',
]);

function references(item: NaturalDataset): SrReference[] {
  return asItems(item.ReferencedSOPSequence).flatMap((ref) => {
    const sopInstanceUid = stringOf(ref.ReferencedSOPInstanceUID);
    if (!sopInstanceUid) return [];
    return [{ sopClassUid: asSopClassUid(stringOf(ref.ReferencedSOPClassUID) ?? ''), sopInstanceUid: asSopInstanceUid(sopInstanceUid) }];
  });
}

function readItem(item: NaturalDataset, isRoot: boolean): SrContentItem {
  const rel = stringOf(item.RelationshipType);
  const base = {
    relationship: isRoot || rel === null || !relationships.has(rel) ? null : (rel as RelationshipType),
    concept: firstCode(item.ConceptNameCodeSequence),
    children: asItems(item.ContentSequence).map((child) => readItem(child, false)),
  };
  const valueType = stringOf(item.ValueType) ?? (isRoot ? 'CONTAINER' : '');
  switch (valueType) {
    case 'CONTAINER':
      return { ...base, valueType, continuity: stringOf(item.ContinuityOfContent) === 'CONTINUOUS' ? 'CONTINUOUS' : 'SEPARATE' };
    case 'TEXT':
      return { ...base, valueType, text: textOf(item.TextValue) };
    case 'CODE':
      return { ...base, valueType, code: firstCode(item.ConceptCodeSequence) };
    case 'PNAME':
      return { ...base, valueType, personName: stringOf(item.PersonName) ?? '' };
    case 'DATE':
      return { ...base, valueType, value: stringOf(item.Date) ?? '' };
    case 'TIME':
      return { ...base, valueType, value: stringOf(item.Time) ?? '' };
    case 'DATETIME':
      return { ...base, valueType, value: stringOf(item.DateTime) ?? '' };
    case 'UIDREF':
      return { ...base, valueType, value: stringOf(item.UID) ?? '' };
    case 'NUM': {
      const measured = asItems(item.MeasuredValueSequence)[0];
      return {
        ...base,
        valueType,
        value: measured ? numberOf(measured.NumericValue) : null,
        unit: measured ? firstCode(measured.MeasurementUnitsCodeSequence) : null,
      };
    }
    case 'IMAGE':
    case 'COMPOSITE':
    case 'WAVEFORM':
      return { ...base, valueType, references: references(item) };
    default:
      return { ...base, valueType: 'OTHER', rawValueType: valueType };
  }
}

/**
 * Every Referenced SOP Instance UID below a hierarchical reference sequence, at any depth, with the closest
 * enclosing Study and Series Instance UIDs. tce.md §5 item 5: producers nest differently, so the walk does not
 * assume the study → series → instance shape.
 */
function collectReferences(items: NaturalDataset[], study: string | null, series: string | null): EvidenceReference[] {
  return items.flatMap((item) => {
    const itemStudy = stringOf(item.StudyInstanceUID) ?? study;
    const itemSeries = stringOf(item.SeriesInstanceUID) ?? series;
    const own: EvidenceReference[] = [];
    const sopInstanceUid = stringOf(item.ReferencedSOPInstanceUID);
    if (sopInstanceUid) {
      const sopClassUid = stringOf(item.ReferencedSOPClassUID);
      own.push({
        studyInstanceUid: itemStudy ? asStudyInstanceUid(itemStudy) : null,
        seriesInstanceUid: itemSeries ? asSeriesInstanceUid(itemSeries) : null,
        sopClassUid: sopClassUid ? asSopClassUid(sopClassUid) : null,
        sopInstanceUid: asSopInstanceUid(sopInstanceUid),
      });
    }
    const nested = Object.values(item).filter(Array.isArray).flatMap((value) => collectReferences(asItems(value), itemStudy, itemSeries));
    return [...own, ...nested];
  });
}

/** The document-level SR values of a naturalized SR or KOS dataset. */
export function readSrDocument(dataset: NaturalDataset): SrDocument {
  const template = asItems(dataset.ContentTemplateSequence)[0];
  return {
    title: firstCode(dataset.ConceptNameCodeSequence),
    root: readItem(dataset, true),
    templateId: template ? stringOf(template.TemplateIdentifier) : null,
    currentEvidence: collectReferences(asItems(dataset.CurrentRequestedProcedureEvidenceSequence), null, null),
    identicalDocuments: collectReferences(asItems(dataset.IdenticalDocumentsSequence), null, null),
  };
}
