import { code, type CodedConcept } from '../../dicom/coded-concept';
import type { DicomInstanceSummary, YesNoFlag } from '../../dicom/instance-summary';
import type { RelationshipType, SrContentItem } from '../../dicom/sr-content';
import {
  asSeriesInstanceUid,
  asSopClassUid,
  asSopInstanceUid,
  asStudyInstanceUid,
  asTransferSyntaxUid,
  SopClass,
  type SopInstanceUid,
} from '../../dicom/uid';

/** Builders of DicomInstanceSummary values for specs: what the edge parser would produce, without bytes. */

const CT = '1.2.840.10008.5.1.4.1.1.2';

export const uid = (name: string) => asSopInstanceUid(`1.2.3.${[...name].map((c) => c.charCodeAt(0)).join('')}`);

interface BaseOptions {
  readonly study?: string;
  readonly patientId?: string | null;
  readonly pir?: YesNoFlag;
  readonly burnedIn?: YesNoFlag;
}

function base(name: string, sopClassUid: string, options: BaseOptions): DicomInstanceSummary {
  return {
    sopClassUid: asSopClassUid(sopClassUid),
    sopInstanceUid: uid(name),
    studyInstanceUid: asStudyInstanceUid(`1.2.4.${options.study ?? '1'}`),
    seriesInstanceUid: asSeriesInstanceUid(`1.2.5.${options.study ?? '1'}`),
    transferSyntaxUid: asTransferSyntaxUid('1.2.840.10008.1.2.1'),
    specificCharacterSet: ['ISO_IR 192'],
    modality: 'CT',
    bodyPartExamined: null,
    procedureCode: null,
    seriesNumber: 1,
    instanceNumber: 1,
    numberOfFrames: null,
    rows: 16,
    columns: 16,
    patientId: options.patientId === undefined ? 'ANON-1' : options.patientId,
    studyDate: null,
    seriesDescription: null,
    patientIdentityRemoved: options.pir === undefined ? 'YES' : options.pir,
    deidentificationMethod: [],
    deidentificationMethodCodes: [],
    burnedInAnnotation: options.burnedIn ?? 'NO',
    sr: null,
  };
}

export const image = (name: string, options: BaseOptions = {}) => base(name, CT, options);

type ItemSpec = { rel?: RelationshipType; concept?: CodedConcept; children?: SrContentItem[] };

export const text = (concept: CodedConcept, value: string, spec: ItemSpec = {}): SrContentItem => ({
  relationship: spec.rel ?? 'CONTAINS',
  concept,
  children: spec.children ?? [],
  valueType: 'TEXT',
  text: value,
});
export const coded = (concept: CodedConcept, value: CodedConcept, rel: RelationshipType = 'CONTAINS'): SrContentItem => ({
  relationship: rel,
  concept,
  children: [],
  valueType: 'CODE',
  code: value,
});
export const pname = (concept: CodedConcept, value: string): SrContentItem => ({
  relationship: 'HAS OBS CONTEXT',
  concept,
  children: [],
  valueType: 'PNAME',
  personName: value,
});
export const imageRef = (ref: SopInstanceUid): SrContentItem => ({
  relationship: 'CONTAINS',
  concept: null,
  children: [],
  valueType: 'IMAGE',
  references: [{ sopClassUid: asSopClassUid(CT), sopInstanceUid: ref }],
});

export const tceTitle = code('TCE001', 'IHERADTF', 'For Teaching File Export');

export interface ManifestOptions extends BaseOptions {
  readonly title?: CodedConcept;
  readonly refs: readonly SopInstanceUid[];
  readonly contentRefs?: readonly SopInstanceUid[];
  readonly delay?: CodedConcept;
  readonly kod?: string;
  readonly observer?: string;
  readonly identical?: readonly SopInstanceUid[];
}

export function manifest(name: string, options: ManifestOptions): DicomInstanceSummary {
  const children: SrContentItem[] = [];
  if (options.delay) children.push(coded(code('113011', 'DCM', 'Document Title Modifier'), options.delay, 'HAS CONCEPT MOD'));
  if (options.observer) children.push(pname(code('121008', 'DCM', 'Person Observer Name'), options.observer));
  if (options.kod) children.push(text(code('113012', 'DCM', 'Key Object Description'), options.kod));
  children.push(...(options.contentRefs ?? options.refs).map(imageRef));
  const study = asStudyInstanceUid(`1.2.4.${options.study ?? '1'}`);
  const evidence = (refs: readonly SopInstanceUid[]) =>
    refs.map((sopInstanceUid) => ({ studyInstanceUid: study, seriesInstanceUid: null, sopClassUid: null, sopInstanceUid }));
  return {
    ...base(name, SopClass.keyObjectSelection, options),
    modality: 'KO',
    sr: {
      title: options.title ?? tceTitle,
      root: { relationship: null, concept: options.title ?? tceTitle, children, valueType: 'CONTAINER', continuity: 'SEPARATE' },
      templateId: '2010',
      currentEvidence: evidence(options.refs),
      identicalDocuments: evidence(options.identical ?? []),
    },
  };
}

export function srDocument(name: string, title: CodedConcept, items: SrContentItem[], sopClassUid: string = SopClass.basicTextSr): DicomInstanceSummary {
  return {
    ...base(name, sopClassUid, {}),
    modality: 'SR',
    sr: {
      title,
      root: { relationship: null, concept: title, children: items, valueType: 'CONTAINER', continuity: 'SEPARATE' },
      templateId: null,
      currentEvidence: [],
      identicalDocuments: [],
    },
  };
}
