import type { CodedConcept } from '../dicom/coded-concept';
import { personal } from '../shared/personal';
import type { AtfiDocument, AtfiValue } from '../tce/atfi';
import type { CaseDraft } from '../tce/case-draft';
import type { TceManifest } from '../tce/manifest';
import type { InstanceColumns } from '../tce/submission-types';
import { displayName } from '../tce/person-name';
import type { CaseInstance, CaseInstanceKind, CaseSender, CaseStatus, CaseStudy, CaseSubmission, TeachingContent } from './case-model';
import { asCaseId } from './case-model';
import type { PlacedInstance } from './case';

/** What the staging area knows of one received instance (from the inbox read model). */
export interface StagedInstanceFacts extends InstanceColumns {
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly studyInstanceUid: string;
  readonly seriesInstanceUid: string;
  readonly kind: 'manifest' | 'atfi' | 'instance';
  readonly sha256: string;
  readonly pixelReview: boolean;
  readonly phiWarnings: readonly string[];
}

const IMAGE_LESS_CLASSES = /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(88\.|104\.|11\.|9\.)/;

function kindOf(facts: StagedInstanceFacts): CaseInstanceKind {
  if (facts.kind === 'manifest') return 'manifest';
  if (facts.kind === 'atfi') return 'atfi';
  return IMAGE_LESS_CLASSES.test(facts.sopClassUid) && facts.rows === null ? 'document' : 'image';
}

export const placeInstance = (f: StagedInstanceFacts): PlacedInstance => ({
  studyInstanceUid: f.studyInstanceUid,
  seriesInstanceUid: f.seriesInstanceUid,
  modality: f.modality,
  seriesNumber: f.seriesNumber,
  seriesDescription: f.seriesDescription,
  bodyPart: f.bodyPart,
  instance: {
    sopInstanceUid: f.sopInstanceUid,
    sopClassUid: f.sopClassUid,
    kind: kindOf(f),
    instanceNumber: f.instanceNumber,
    numberOfFrames: f.numberOfFrames,
    rows: f.rows,
    columns: f.columns,
    transferSyntaxUid: f.transferSyntaxUid,
    sha256: f.sha256,
  },
});

const byNumber = <T>(key: (t: T) => number | null, tie: (t: T) => string) => (a: T, b: T) =>
  (key(a) ?? Number.MAX_SAFE_INTEGER) - (key(b) ?? Number.MAX_SAFE_INTEGER) || tie(a).localeCompare(tie(b));

/** Groups instances into studies and series, ordered by series and instance number (tce.md §5 item 18). */
export function groupStudies(facts: readonly StagedInstanceFacts[]): CaseStudy[] {
  const studies = new Map<string, { date: string | null; series: Map<string, { first: StagedInstanceFacts; instances: CaseInstance[] }> }>();
  for (const f of facts) {
    const study = studies.get(f.studyInstanceUid) ?? { date: f.studyDate, series: new Map() };
    studies.set(f.studyInstanceUid, study);
    const series = study.series.get(f.seriesInstanceUid) ?? { first: f, instances: [] };
    study.series.set(f.seriesInstanceUid, series);
    series.instances.push(placeInstance(f).instance);
  }
  return [...studies].map(([studyInstanceUid, s]) => ({
    studyInstanceUid,
    studyDate: s.date,
    series: [...s.series]
      .map(([seriesInstanceUid, se]) => ({
        seriesInstanceUid,
        modality: se.first.modality,
        seriesNumber: se.first.seriesNumber,
        description: se.first.seriesDescription,
        bodyPart: se.first.bodyPart,
        instances: se.instances.sort(byNumber((i) => i.instanceNumber, (i) => i.sopInstanceUid)),
      }))
      .sort(byNumber((se) => se.seriesNumber, (se) => se.seriesInstanceUid)),
  }));
}

const valueText = (v: AtfiValue) => (v.kind === 'text' ? v.text : v.code.meaning || v.code.value);
const texts = (values: readonly AtfiValue[] | undefined) => (values ?? []).map(valueText).filter((t) => t.trim() !== '');

export function teachingContent(atfi: AtfiDocument | null): TeachingContent {
  return {
    abstract: atfi?.abstract ?? null,
    keywords: texts(atfi?.keywords),
    history: texts(atfi?.history),
    findings: texts(atfi?.findings),
    discussion: texts(atfi?.discussion),
    differentialDiagnosis: texts(atfi?.differentialDiagnosis),
    diagnosis: texts(atfi?.diagnosis),
    anatomy: texts(atfi?.anatomy),
    pathology: texts(atfi?.pathology),
    organSystem: texts(atfi?.organSystem),
    modalities: (atfi?.modality ?? []).map((c: CodedConcept) => c.value),
    category: atfi?.categoryCode?.meaning ?? atfi?.category ?? null,
    level: atfi?.level ?? null,
    diagnosisConfirmed: atfi?.diagnosisConfirmed ?? [],
    extra: (atfi?.extra ?? []).map((e) => ({
      name: e.concept?.meaning ?? e.concept?.value ?? 'item',
      value: e.value.kind === 'other' ? `(${e.value.valueType})` : valueText(e.value),
    })),
  };
}

function distinctCodes(codes: readonly (CodedConcept | null)[]): CodedConcept[] {
  const seen = new Map<string, CodedConcept>();
  for (const c of codes) if (c) seen.set(`${c.value}^${c.scheme}`, c);
  return [...seen.values()];
}

export interface CaseInputs {
  readonly submissionId: string;
  readonly status: CaseStatus;
  readonly heldReason: string | null;
  readonly missing: readonly string[];
  readonly manifests: readonly TceManifest[];
  readonly atfi: AtfiDocument | null;
  readonly instances: readonly StagedInstanceFacts[];
  /** Title, category, routing, author and note, decided from the manifests and ATFI (domain/tce/case-draft). */
  readonly draft: CaseDraft;
  readonly sender: CaseSender;
  readonly submittedAt: string;
}

/**
 * Builds the case of a submission. The author is the ATFI's first Author, else the KOS observer (tce.md §5
 * item 13); it is personal data, sealed under the routed owner's key when the author is that user, else
 * under a key of its own for this case.
 */
export function buildCaseSubmission(input: CaseInputs): CaseSubmission {
  const caseId = asCaseId(input.submissionId);
  const { draft } = input;
  const atfiAuthor = input.atfi?.authors[0];
  const target = draft.routing.target;
  const ownerId = target.kind === 'folder' ? target.ownerId : null;
  const authorIsOwner = ownerId !== null && draft.authorGmcNumber !== null && draft.authorGmcNumber === draft.routing.senderGmcNumber;
  const author = draft.authorName
    ? personal(authorIsOwner ? ownerId : `case-author-${caseId}`, {
        name: displayName(draft.authorName),
        gmcNumber: draft.authorGmcNumber,
        affiliation: atfiAuthor?.affiliation ?? [],
        contact: atfiAuthor?.contact ?? [],
      })
    : null;
  const teaching = teachingContent(input.atfi);
  return {
    caseId,
    submissionId: input.submissionId,
    folderId: target.kind === 'folder' ? target.folderId : null,
    ownerId,
    title: draft.title.title,
    titleSource: draft.title.source,
    purpose: input.manifests[0]?.purpose ?? 'teaching-file',
    status: input.status,
    heldReason: input.heldReason,
    missing: input.missing,
    teaching: { ...teaching, category: draft.category ?? teaching.category },
    author,
    submitterNote: draft.submitterNote,
    sender: input.sender,
    routing: { rule: draft.routing.rule, reason: draft.routing.reason, steps: draft.routing.steps },
    studies: groupStudies(input.instances),
    procedureCodes: distinctCodes(input.instances.map((i) => i.procedureCode)),
    manifestUids: input.manifests.map((m) => m.sopInstanceUid),
    atfiUid: input.atfi?.sopInstanceUid ?? null,
    pixelReview: input.instances.filter((i) => i.pixelReview).map((i) => i.sopInstanceUid),
    phiWarnings: [...new Set(input.instances.flatMap((i) => i.phiWarnings))],
    warnings: draft.warnings,
    submittedAt: input.submittedAt,
  };
}
