import { code, type CodedConcept } from '../dicom/coded-concept';
import type { EvidenceReference, SrContentItem } from '../dicom/sr-content';
import { SopClass, type SeriesInstanceUid, type SopClassUid, type SopInstanceUid, type StudyInstanceUid } from '../dicom/uid';
import type { AtfiListField, AtfiValue } from './atfi';
import {
  delayReasons,
  difficultyLevels,
  documentTitleModifier,
  keyObjectDescription,
  manifestTitles,
  observerType,
  observerTypePerson,
  personObserverName,
  teachingCategories,
  yesNoCodes,
  type DelayReason,
  type DifficultyLevel,
  type ManifestPurpose,
  type TeachingCategory,
  type YesNoAnswer,
} from './codes';

/** Identity and time of a document Lightbox writes. Ids and clock values come from the caller (pure). */
export interface DocumentContext {
  readonly patientName: string;
  readonly patientId: string;
  readonly studyInstanceUid: StudyInstanceUid;
  readonly studyDate: string;
  readonly studyTime: string;
  readonly seriesInstanceUid: SeriesInstanceUid;
  readonly seriesNumber: number;
  readonly sopInstanceUid: SopInstanceUid;
  readonly instanceNumber: number;
  /** DICOM DA and TM of the document content. */
  readonly contentDate: string;
  readonly contentTime: string;
  readonly manufacturer: string;
}

/** A complete SR-family document as values: the writer at the edge only encodes it. */
export interface SrDocumentModel {
  readonly sopClassUid: string;
  readonly modality: 'KO' | 'SR';
  readonly context: DocumentContext;
  readonly root: SrContentItem;
  readonly templateId: string | null;
  readonly evidence: readonly EvidenceReference[];
  readonly identicalDocuments: readonly EvidenceReference[];
  /** De-identification already done: Lightbox writes only pseudonymous documents. */
  readonly patientIdentityRemoved: true;
}

type ItemValue = SrContentItem extends infer T ? (T extends SrContentItem ? Omit<T, 'relationship' | 'children'> : never) : never;

const item = (relationship: SrContentItem['relationship'], value: ItemValue & { children?: SrContentItem[] }): SrContentItem =>
  ({ relationship, children: [], ...value }) as SrContentItem;

/** An instance a manifest selects; every UID is required for the evidence sequence. */
export interface SelectedInstance {
  readonly studyInstanceUid: StudyInstanceUid;
  readonly seriesInstanceUid: SeriesInstanceUid;
  readonly sopClassUid: SopClassUid;
  readonly sopInstanceUid: SopInstanceUid;
}

export interface KosSpec {
  readonly context: DocumentContext;
  readonly purpose: ManifestPurpose;
  /** Which coding of the title to write: IHE's legacy IHERADTF or the DCM equivalent. */
  readonly scheme: 'IHERADTF' | 'DCM';
  readonly delay?: DelayReason;
  readonly keyObjectDescription?: string;
  readonly observerName?: string;
  readonly references: readonly SelectedInstance[];
  readonly identicalDocuments?: readonly SelectedInstance[];
}

const pick = (aliases: readonly CodedConcept[], scheme: string): CodedConcept => {
  const found = aliases.find((a) => a.scheme === scheme) ?? aliases[0];
  if (!found) throw new Error('empty alias list');
  return found;
};

/** TID 2010 Key Object Selection manifest (tce.md §2): title, optional delay, observer, KOD, one reference item each. */
export function kosModel(spec: KosSpec): SrDocumentModel {
  const title = pick(manifestTitles[spec.purpose], spec.scheme);
  const children: SrContentItem[] = [];
  if (spec.delay) {
    const delay = delayReasons.find((d) => d.reason === spec.delay);
    if (delay) children.push(item('HAS CONCEPT MOD', { valueType: 'CODE', concept: documentTitleModifier, code: pick(delay.aliases, spec.scheme) }));
  }
  if (spec.observerName) {
    children.push(item('HAS OBS CONTEXT', { valueType: 'CODE', concept: observerType, code: observerTypePerson }));
    children.push(item('HAS OBS CONTEXT', { valueType: 'PNAME', concept: personObserverName, personName: spec.observerName }));
  }
  if (spec.keyObjectDescription) {
    children.push(item('CONTAINS', { valueType: 'TEXT', concept: keyObjectDescription, text: spec.keyObjectDescription }));
  }
  for (const ref of spec.references) {
    const isStructured = ref.sopClassUid.startsWith('1.2.840.10008.5.1.4.1.1.88.');
    children.push(
      item('CONTAINS', {
        valueType: isStructured ? 'COMPOSITE' : 'IMAGE',
        concept: null,
        references: [{ sopClassUid: ref.sopClassUid, sopInstanceUid: ref.sopInstanceUid }],
      }),
    );
  }
  return {
    sopClassUid: SopClass.keyObjectSelection,
    modality: 'KO',
    context: spec.context,
    root: { relationship: null, concept: title, children, valueType: 'CONTAINER', continuity: 'SEPARATE' },
    templateId: '2010',
    evidence: spec.references,
    identicalDocuments: spec.identicalDocuments ?? [],
    patientIdentityRemoved: true,
  };
}

export interface AtfiSpec extends Partial<Record<AtfiListField, readonly AtfiValue[]>> {
  readonly context: DocumentContext;
  readonly scheme: 'IHERADTF' | 'DCM';
  readonly authors: ReadonlyArray<{ readonly name: string; readonly affiliation?: string; readonly contact?: string }>;
  readonly abstract: string;
  readonly category: TeachingCategory;
  readonly level?: DifficultyLevel;
  readonly diagnosisConfirmed?: YesNoAnswer;
  readonly modality?: readonly CodedConcept[];
  /** Written as AGFAIMPAXEE TF001, the de-facto title item (tce.md §3.5). */
  readonly title?: string;
}

const ihe = (value: string, meaning: string) => code(value, 'IHERADTF', meaning);

const listRows: ReadonlyArray<[AtfiListField, CodedConcept]> = [
  ['keywords', ihe('TCE105', 'Keywords')],
  ['history', code('121060', 'DCM', 'History')],
  ['findings', code('121071', 'DCM', 'Finding')],
  ['discussion', ihe('TCE106', 'Discussion')],
  ['differentialDiagnosis', code('111023', 'DCM', 'Differential Diagnosis/Impression')],
  ['diagnosis', ihe('TCE107', 'Diagnosis')],
  ['anatomy', code('112005', 'DCM', 'Radiographic anatomy')],
  ['pathology', code('111042', 'DCM', 'Pathology')],
  ['organSystem', ihe('TCE108', 'Organ system')],
];

/**
 * ATFI as a Basic Text SR (what dcm4chee writes and dcm4chee-web3 requires), rows in template order, Author
 * properties nested (the template's structure; MIRC's flat reader loses them, Lightbox's does not).
 */
export function atfiModel(spec: AtfiSpec): SrDocumentModel {
  const children: SrContentItem[] = [];
  for (const author of spec.authors) {
    const properties: SrContentItem[] = [];
    if (author.affiliation) properties.push(item('HAS PROPERTIES', { valueType: 'TEXT', concept: ihe('TCE102', 'Affiliation'), text: author.affiliation }));
    if (author.contact) properties.push(item('HAS PROPERTIES', { valueType: 'TEXT', concept: ihe('TCE103', 'Contact'), text: author.contact }));
    children.push(item('CONTAINS', { valueType: 'TEXT', concept: ihe('TCE101', 'Author'), text: author.name, children: properties }));
  }
  children.push(item('CONTAINS', { valueType: 'TEXT', concept: ihe('TCE104', 'Abstract'), text: spec.abstract }));
  for (const [field, concept] of listRows) {
    for (const value of spec[field] ?? []) {
      children.push(
        value.kind === 'text'
          ? item('CONTAINS', { valueType: 'TEXT', concept, text: value.text })
          : item('CONTAINS', { valueType: 'CODE', concept, code: value.code }),
      );
    }
  }
  for (const modality of spec.modality ?? []) children.push(item('CONTAINS', { valueType: 'CODE', concept: code('121139', 'DCM', 'Modality'), code: modality }));
  const category = teachingCategories.find((c) => c.category === spec.category);
  const categoryConcept = spec.scheme === 'DCM' ? code('128723', 'DCM', 'Teaching File Category') : ihe('TCE109', 'Category');
  if (category) children.push(item('CONTAINS', { valueType: 'CODE', concept: categoryConcept, code: pick(category.aliases, spec.scheme) }));
  const level = difficultyLevels.find((l) => l.level === spec.level);
  const levelConcept = spec.scheme === 'DCM' ? code('128724', 'DCM', 'Level of Difficulty') : ihe('TCE110', 'Level');
  if (level) children.push(item('CONTAINS', { valueType: 'CODE', concept: levelConcept, code: pick(level.aliases, spec.scheme) }));
  const confirmed = yesNoCodes.find((y) => y.answer === spec.diagnosisConfirmed);
  if (confirmed) children.push(item('CONTAINS', { valueType: 'CODE', concept: ihe('TCE111', 'Diagnosis confirmed'), code: pick(confirmed.aliases, 'SCT') }));
  if (spec.title) children.push(item('CONTAINS', { valueType: 'TEXT', concept: code('TF001', 'AGFAIMPAXEE', 'Title'), text: spec.title }));
  const title = spec.scheme === 'DCM' ? code('128712', 'DCM', 'Additional Teaching File Information') : ihe('TCE006', 'Additional Teaching File Information');
  return {
    sopClassUid: SopClass.basicTextSr,
    modality: 'SR',
    context: spec.context,
    root: { relationship: null, concept: title, children, valueType: 'CONTAINER', continuity: 'SEPARATE' },
    templateId: null,
    evidence: [],
    identicalDocuments: [],
    patientIdentityRemoved: true,
  };
}
