import type { CodedConcept } from '../dicom/coded-concept';
import type { DicomInstanceSummary } from '../dicom/instance-summary';
import { walkContent, type SrContentItem } from '../dicom/sr-content';
import { isKeyObjectSelection, isSrStorageClass, type SopInstanceUid, type StudyInstanceUid } from '../dicom/uid';
import {
  atfiTitle,
  delayReasons,
  documentTitleModifier,
  keyObjectDescription,
  manifestTitles,
  matchesAny,
  personObserverName,
  type DelayReason,
  type ManifestPurpose,
} from './codes';

/** What a TCE manifest (a KOS with a TCE title) says, in the receiver's terms. */
export interface TceManifest {
  readonly sopInstanceUid: SopInstanceUid;
  readonly studyInstanceUid: StudyInstanceUid;
  readonly patientId: string | null;
  readonly purpose: ManifestPurpose;
  readonly title: CodedConcept;
  readonly delay: { readonly reason: DelayReason; readonly code: CodedConcept } | null;
  /** Key Object Description verbatim (tce.md §5 item 12). */
  readonly keyObjectDescription: string | null;
  /** Person Observer Name (121008): the selecting user. */
  readonly observerName: string | null;
  /**
   * The instances the submission needs: the union of the evidence sequence and the content-tree references
   * (tce.md §5 item 5), sorted, without the manifest itself.
   */
  readonly expected: readonly SopInstanceUid[];
  /** References only in the evidence or only in the content tree: a producer bug worth a warning. */
  readonly referenceMismatch: { readonly onlyInEvidence: readonly SopInstanceUid[]; readonly onlyInContent: readonly SopInstanceUid[] } | null;
  /** SOP Instance UIDs of the other manifests of the same selection (Identical Documents, 0040,A525). */
  readonly identicalDocuments: readonly SopInstanceUid[];
  readonly studies: readonly StudyInstanceUid[];
}

export function manifestPurpose(summary: DicomInstanceSummary): ManifestPurpose | null {
  if (!isKeyObjectSelection(summary.sopClassUid) || !summary.sr) return null;
  const title = summary.sr.title;
  for (const [purpose, aliases] of Object.entries(manifestTitles)) {
    if (matchesAny(title, aliases)) return purpose as ManifestPurpose;
  }
  return null;
}

/** tce.md §5 item 3: a manifest is a KOS whose root title is one of table 2.1, in either coding scheme. */
export const isTceManifest = (summary: DicomInstanceSummary): boolean => manifestPurpose(summary) !== null;

/** tce.md §5 item 4: an ATFI is any SR class whose root title is TCE006/IHERADTF or 128712/DCM. */
export const isAtfi = (summary: DicomInstanceSummary): boolean =>
  isSrStorageClass(summary.sopClassUid) && summary.sr !== null && matchesAny(summary.sr.title, atfiTitle);

const rootChildren = (root: SrContentItem) => root.children;

function findDelay(root: SrContentItem): TceManifest['delay'] {
  for (const item of rootChildren(root)) {
    if (item.valueType !== 'CODE' || item.relationship !== 'HAS CONCEPT MOD') continue;
    if (!matchesAny(item.concept, [documentTitleModifier])) continue;
    const reason = delayReasons.find((d) => matchesAny(item.code, d.aliases));
    if (reason && item.code) return { reason: reason.reason, code: item.code };
  }
  return null;
}

function firstText(root: SrContentItem, concept: CodedConcept): string | null {
  for (const item of walkContent(root)) {
    if (item.valueType === 'TEXT' && matchesAny(item.concept, [concept])) return item.text;
  }
  return null;
}

function firstPersonName(root: SrContentItem): string | null {
  for (const item of walkContent(root)) {
    if (item.valueType === 'PNAME' && matchesAny(item.concept, [personObserverName]) && item.personName) return item.personName;
  }
  return null;
}

function contentReferences(root: SrContentItem): SopInstanceUid[] {
  const found: SopInstanceUid[] = [];
  for (const item of walkContent(root)) {
    if (item.valueType === 'IMAGE' || item.valueType === 'COMPOSITE' || item.valueType === 'WAVEFORM') {
      found.push(...item.references.map((r) => r.sopInstanceUid));
    }
  }
  return found;
}

const sortedUnique = <T extends string>(values: Iterable<T>): T[] => [...new Set(values)].sort();

/** Reads a TCE manifest from an instance summary; null when the instance is not one. */
export function readManifest(summary: DicomInstanceSummary): TceManifest | null {
  const purpose = manifestPurpose(summary);
  const sr = summary.sr;
  if (!purpose || !sr || !sr.title) return null;
  const self = summary.sopInstanceUid;
  const evidence = new Set(sr.currentEvidence.map((r) => r.sopInstanceUid).filter((uid) => uid !== self));
  const content = new Set(contentReferences(sr.root).filter((uid) => uid !== self));
  const onlyInEvidence = sortedUnique([...evidence].filter((uid) => !content.has(uid)));
  const onlyInContent = sortedUnique([...content].filter((uid) => !evidence.has(uid)));
  return {
    sopInstanceUid: self,
    studyInstanceUid: summary.studyInstanceUid,
    patientId: summary.patientId,
    purpose,
    title: sr.title,
    delay: findDelay(sr.root),
    keyObjectDescription: firstText(sr.root, keyObjectDescription),
    observerName: firstPersonName(sr.root),
    expected: sortedUnique([...evidence, ...content]),
    referenceMismatch: onlyInEvidence.length + onlyInContent.length > 0 ? { onlyInEvidence, onlyInContent } : null,
    identicalDocuments: sortedUnique(sr.identicalDocuments.map((r) => r.sopInstanceUid).filter((uid) => uid !== self)),
    studies: sortedUnique([
      summary.studyInstanceUid,
      ...sr.currentEvidence.map((r) => r.studyInstanceUid).filter((s): s is StudyInstanceUid => s !== null),
    ]),
  };
}
