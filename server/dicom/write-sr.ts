import type { CodedConcept, EvidenceReference, SrContentItem } from '../../domain/dicom';
import { atfiModel, kosModel, type AtfiSpec, type KosSpec, type SrDocumentModel } from '../../domain/tce/document-model';
import { TransferSyntax } from '../../domain/dicom';
import { writePart10, type NaturalDataset } from './dcmjs-io';
import { IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION_NAME } from './part10-header';

const codeItem = (c: CodedConcept): NaturalDataset => ({ CodeValue: c.value, CodingSchemeDesignator: c.scheme, CodeMeaning: c.meaning });

function contentItem(item: SrContentItem): NaturalDataset {
  const out: NaturalDataset = {};
  if (item.relationship) out.RelationshipType = item.relationship;
  out.ValueType = item.valueType === 'OTHER' ? item.rawValueType : item.valueType;
  if (item.concept) out.ConceptNameCodeSequence = [codeItem(item.concept)];
  switch (item.valueType) {
    case 'CONTAINER':
      out.ContinuityOfContent = item.continuity;
      break;
    case 'TEXT':
      out.TextValue = item.text;
      break;
    case 'CODE':
      out.ConceptCodeSequence = item.code ? [codeItem(item.code)] : [];
      break;
    case 'PNAME':
      out.PersonName = [{ Alphabetic: item.personName }];
      break;
    case 'DATE':
      out.Date = item.value;
      break;
    case 'TIME':
      out.Time = item.value;
      break;
    case 'DATETIME':
      out.DateTime = item.value;
      break;
    case 'UIDREF':
      out.UID = item.value;
      break;
    case 'NUM':
      out.MeasuredValueSequence =
        item.value === null ? [] : [{ NumericValue: item.value, MeasurementUnitsCodeSequence: item.unit ? [codeItem(item.unit)] : [] }];
      break;
    case 'IMAGE':
    case 'COMPOSITE':
    case 'WAVEFORM':
      out.ReferencedSOPSequence = item.references.map((r) => ({ ReferencedSOPClassUID: r.sopClassUid, ReferencedSOPInstanceUID: r.sopInstanceUid }));
      break;
    case 'OTHER':
      break;
  }
  if (item.children.length > 0) out.ContentSequence = item.children.map(contentItem);
  return out;
}

/** Hierarchical SOP Instance Reference Macro (PS3.3 C.17.2.1): study → series → instances. */
function hierarchicalReferences(references: readonly EvidenceReference[]): NaturalDataset[] {
  const studies = new Map<string, Map<string, EvidenceReference[]>>();
  for (const ref of references) {
    const series = studies.get(ref.studyInstanceUid ?? '') ?? new Map<string, EvidenceReference[]>();
    studies.set(ref.studyInstanceUid ?? '', series);
    series.set(ref.seriesInstanceUid ?? '', [...(series.get(ref.seriesInstanceUid ?? '') ?? []), ref]);
  }
  return [...studies].map(([study, series]) => ({
    StudyInstanceUID: study,
    ReferencedSeriesSequence: [...series].map(([seriesUid, refs]) => ({
      SeriesInstanceUID: seriesUid,
      ReferencedSOPSequence: refs.map((r) => ({ ReferencedSOPClassUID: r.sopClassUid ?? '', ReferencedSOPInstanceUID: r.sopInstanceUid })),
    })),
  }));
}

/** Private coding schemes used by TCE documents, declared as PS3.3 C.12.1.1.2.3 asks. */
const privateSchemes: Readonly<Record<string, NaturalDataset>> = {
  IHERADTF: { CodingSchemeDesignator: 'IHERADTF', CodingSchemeName: 'IHE Radiology Teaching File', CodingSchemeResponsibleOrganization: 'IHE' },
  AGFAIMPAXEE: { CodingSchemeDesignator: 'AGFAIMPAXEE', CodingSchemeName: 'Agfa IMPAX EE teaching file extensions', CodingSchemeResponsibleOrganization: 'Agfa' },
};

function schemesIn(item: SrContentItem, found = new Set<string>()): Set<string> {
  for (const c of [item.concept, item.valueType === 'CODE' ? item.code : null]) if (c) found.add(c.scheme);
  for (const child of item.children) schemesIn(child, found);
  return found;
}

/** Encodes a KOS or SR document model as a Part 10 file: Explicit VR Little Endian, UTF-8 (ISO_IR 192). */
export function writeSrDocument(model: SrDocumentModel): Buffer {
  const c = model.context;
  const root = contentItem(model.root);
  const dataset: NaturalDataset = {
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: model.sopClassUid,
    SOPInstanceUID: c.sopInstanceUid,
    StudyDate: c.studyDate,
    StudyTime: c.studyTime,
    ContentDate: c.contentDate,
    ContentTime: c.contentTime,
    AccessionNumber: '',
    Modality: model.modality,
    Manufacturer: c.manufacturer,
    ReferringPhysicianName: [],
    PatientName: [{ Alphabetic: c.patientName }],
    PatientID: c.patientId,
    PatientBirthDate: '',
    PatientSex: '',
    PatientIdentityRemoved: 'YES',
    DeidentificationMethod: 'Pseudonymous teaching-file document written by Lightbox',
    StudyInstanceUID: c.studyInstanceUid,
    SeriesInstanceUID: c.seriesInstanceUid,
    StudyID: '',
    SeriesNumber: c.seriesNumber,
    InstanceNumber: c.instanceNumber,
    ReferencedPerformedProcedureStepSequence: [],
    ...(model.modality === 'SR' ? { CompletionFlag: 'COMPLETE', VerificationFlag: 'UNVERIFIED', PerformedProcedureCodeSequence: [] } : {}),
    ValueType: root.ValueType,
    ConceptNameCodeSequence: root.ConceptNameCodeSequence,
    ContinuityOfContent: root.ContinuityOfContent,
    ...(model.templateId ? { ContentTemplateSequence: [{ MappingResource: 'DCMR', TemplateIdentifier: model.templateId }] } : {}),
    ...(model.evidence.length > 0 || model.modality === 'KO' ? { CurrentRequestedProcedureEvidenceSequence: hierarchicalReferences(model.evidence) } : {}),
    ...(model.identicalDocuments.length > 0 ? { IdenticalDocumentsSequence: hierarchicalReferences(model.identicalDocuments) } : {}),
    ContentSequence: root.ContentSequence ?? [],
  };
  const declared = [...schemesIn(model.root)].flatMap((scheme) => (privateSchemes[scheme] ? [privateSchemes[scheme]] : []));
  if (declared.length > 0) dataset.CodingSchemeIdentificationSequence = declared;
  const meta: NaturalDataset = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: model.sopClassUid,
    MediaStorageSOPInstanceUID: c.sopInstanceUid,
    TransferSyntaxUID: TransferSyntax.explicitVrLittleEndian,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: IMPLEMENTATION_VERSION_NAME,
  };
  return writePart10(meta, dataset);
}

/** A TCE manifest (TID 2010 KOS) as Part 10 bytes. */
export const writeKos = (spec: KosSpec): Buffer => writeSrDocument(kosModel(spec));

/** An ATFI Basic Text SR as Part 10 bytes. */
export const writeAtfi = (spec: AtfiSpec): Buffer => writeSrDocument(atfiModel(spec));
