import type { CodedConcept } from '../dicom/coded-concept';
import type { Brand } from '../shared/ids';
import type { Personal } from '../shared/personal';

export type CaseId = Brand<string, 'CaseId'>;
export const asCaseId = (id: string) => id as CaseId;
export const caseStreamId = (caseId: CaseId) => `case-${caseId}`;

export type CaseStatus = 'complete' | 'partial' | 'held';
export type CaseInstanceKind = 'image' | 'manifest' | 'atfi' | 'document';

export interface CaseInstance {
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly kind: CaseInstanceKind;
  readonly instanceNumber: number | null;
  readonly numberOfFrames: number | null;
  readonly rows: number | null;
  readonly columns: number | null;
  readonly transferSyntaxUid: string;
  /** The verbatim received bytes in the blob store. */
  readonly sha256: string;
}

export interface CaseSeries {
  readonly seriesInstanceUid: string;
  readonly modality: string | null;
  readonly seriesNumber: number | null;
  readonly description: string | null;
  readonly bodyPart: string | null;
  readonly instances: readonly CaseInstance[];
}

export interface CaseStudy {
  readonly studyInstanceUid: string;
  readonly studyDate: string | null;
  readonly series: readonly CaseSeries[];
}

/** The teaching content of the ATFI (tce.md §3), values flattened to text (codes as their meaning). */
export interface TeachingContent {
  readonly abstract: string | null;
  readonly keywords: readonly string[];
  readonly history: readonly string[];
  readonly findings: readonly string[];
  readonly discussion: readonly string[];
  readonly differentialDiagnosis: readonly string[];
  readonly diagnosis: readonly string[];
  readonly anatomy: readonly string[];
  readonly pathology: readonly string[];
  readonly organSystem: readonly string[];
  readonly modalities: readonly string[];
  readonly category: string | null;
  readonly level: string | null;
  readonly diagnosisConfirmed: readonly string[];
  readonly extra: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

/** The case author from the ATFI (or the KOS observer): personal data, so erasable. */
export interface CaseAuthor {
  readonly name: string;
  readonly gmcNumber: string | null;
  readonly affiliation: readonly string[];
  readonly contact: readonly string[];
}

export interface CaseSender {
  readonly transport: 'dimse' | 'stow-rs';
  readonly nodeId: string | null;
  readonly callingAet: string;
  readonly calledAet: string;
  readonly peerAddress: string;
}

export interface RoutingRecord {
  readonly rule: string;
  readonly reason: string;
  readonly steps: ReadonlyArray<{ readonly rule: string; readonly outcome: string; readonly detail: string }>;
}

/** Everything a new case is made of: the contract of `CaseSubmitted`. */
export interface CaseSubmission {
  readonly caseId: CaseId;
  readonly submissionId: string;
  /** null: the "Unclaimed submissions" inbox. */
  readonly folderId: string | null;
  readonly ownerId: string | null;
  readonly title: string;
  readonly titleSource: string;
  readonly purpose: string;
  readonly status: CaseStatus;
  readonly heldReason: string | null;
  readonly missing: readonly string[];
  readonly teaching: TeachingContent;
  readonly author: Personal<CaseAuthor> | null;
  readonly submitterNote: string | null;
  readonly sender: CaseSender;
  readonly routing: RoutingRecord;
  readonly studies: readonly CaseStudy[];
  readonly procedureCodes: readonly CodedConcept[];
  readonly manifestUids: readonly string[];
  readonly atfiUid: string | null;
  readonly pixelReview: readonly string[];
  readonly phiWarnings: readonly string[];
  /** Producer problems noticed while reading the manifests and ATFI (e.g. references that disagree). */
  readonly warnings: readonly string[];
  readonly submittedAt: string;
}
