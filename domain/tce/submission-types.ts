import type { Map as ImmutableMap, OrderedMap } from 'immutable';
import type { CodedConcept } from '../dicom/coded-concept';
import type { DicomInstanceSummary } from '../dicom/instance-summary';
import type { SeriesInstanceUid, SopClassUid, SopInstanceUid, StudyInstanceUid } from '../dicom/uid';
import type { DomainEvent } from '../shared/decider';
import type { Brand } from '../shared/ids';
import type { DelayReason, ManifestPurpose } from './codes';
import type { PhiFinding } from './phi-gate';

export type SubmissionId = Brand<string, 'SubmissionId'>;
export const asSubmissionId = (id: string) => id as SubmissionId;

/** The receiver's staging area is one aggregate: instances arrive before the manifest that claims them. */
export const tceInboxStreamName = (inboxId: string) => `tceinbox-${inboxId}`;

/** How an instance reached us; kept beside the instance, never written into the dataset (tce.md §5 item 15). */
export interface ArrivalChannel {
  readonly transport: 'dimse' | 'stow-rs';
  readonly associationId: string;
  readonly callingAet: string;
  readonly calledAet: string;
  readonly peerAddress: string;
}

export type InstanceKind = 'manifest' | 'atfi' | 'instance';

// ---- commands ----

export type StageInstance = DomainEvent<
  'StageInstance',
  {
    readonly summary: DicomInstanceSummary;
    readonly sha256: string;
    readonly receivedAt: string;
    readonly channel: ArrivalChannel;
    /** Used if this instance is a manifest that starts a new submission. */
    readonly newSubmissionId: SubmissionId;
  }
>;

export type ExpireSubmissions = DomainEvent<'ExpireSubmissions', { readonly now: string; readonly completionTimeoutMs: number }>;

/** An admin has checked a quarantined object and lets it in: it is staged as if it had just arrived clean. */
export type ReleaseQuarantined = DomainEvent<
  'ReleaseQuarantined',
  {
    readonly summary: DicomInstanceSummary;
    readonly sha256: string;
    /** How it originally arrived, from the quarantine record. */
    readonly channel: ArrivalChannel;
    readonly releasedBy: string;
    readonly at: string;
    readonly newSubmissionId: SubmissionId;
  }
>;

/** An admin deletes a quarantined object: its bytes are destroyed, only the fact that it came remains. */
export type DeleteQuarantined = DomainEvent<'DeleteQuarantined', { readonly sopInstanceUid: SopInstanceUid; readonly deletedBy: string; readonly reason: string; readonly at: string }>;

export type TceInboxCommand = StageInstance | ExpireSubmissions | ReleaseQuarantined | DeleteQuarantined;

// ---- events ----

interface InstanceFacts {
  readonly sopInstanceUid: SopInstanceUid;
  readonly sopClassUid: SopClassUid;
  readonly studyInstanceUid: StudyInstanceUid;
  readonly seriesInstanceUid: SeriesInstanceUid;
  readonly sha256: string;
  readonly receivedAt: string;
  readonly channel: ArrivalChannel;
}

/** The DICOM columns a case shows for an instance, kept so a case is built without re-reading every blob. */
export interface InstanceColumns {
  readonly modality: string | null;
  readonly seriesNumber: number | null;
  readonly instanceNumber: number | null;
  readonly seriesDescription: string | null;
  readonly bodyPart: string | null;
  readonly procedureCode: CodedConcept | null;
  readonly studyDate: string | null;
  readonly numberOfFrames: number | null;
  readonly rows: number | null;
  readonly columns: number | null;
  readonly transferSyntaxUid: string;
}

export type InstanceStaged = DomainEvent<
  'InstanceStaged',
  InstanceFacts & {
    readonly columns?: InstanceColumns;
    readonly kind: InstanceKind;
    /** The submission that expects it, if its manifest came first; null = staged, waiting for a manifest. */
    readonly submissionId: SubmissionId | null;
    readonly pixelReview: boolean;
    readonly phiWarnings: readonly PhiFinding[];
  }
>;
export type InstanceQuarantined = DomainEvent<'InstanceQuarantined', InstanceFacts & { readonly findings: readonly PhiFinding[] }>;
export type DuplicateInstanceIgnored = DomainEvent<
  'DuplicateInstanceIgnored',
  { readonly sopInstanceUid: SopInstanceUid; readonly sha256: string; readonly receivedAt: string; readonly channel: ArrivalChannel }
>;
export type InstanceReplaced = DomainEvent<
  'InstanceReplaced',
  InstanceFacts & { readonly previousSha256: string; readonly submissionId: SubmissionId | null }
>;
export type ManifestReceived = DomainEvent<
  'ManifestReceived',
  {
    readonly submissionId: SubmissionId;
    readonly manifestUid: SopInstanceUid;
    readonly purpose: ManifestPurpose;
    readonly title: CodedConcept;
    readonly delayReason: DelayReason | null;
    readonly expected: readonly SopInstanceUid[];
    readonly referenceMismatch: { readonly onlyInEvidence: readonly SopInstanceUid[]; readonly onlyInContent: readonly SopInstanceUid[] } | null;
    readonly identicalDocuments: readonly SopInstanceUid[];
    readonly studies: readonly StudyInstanceUid[];
    readonly patientId: string | null;
    /** Why it joined this submission. */
    readonly joined: 'new' | 'identical-documents' | 'supersedes-held' | 'overlapping-references';
    readonly receivedAt: string;
  }
>;
export type DuplicateManifestIgnored = DomainEvent<'DuplicateManifestIgnored', { readonly submissionId: SubmissionId; readonly manifestUid: SopInstanceUid }>;
export type SubmissionsMerged = DomainEvent<
  'SubmissionsMerged',
  { readonly submissionId: SubmissionId; readonly mergedSubmissionId: SubmissionId; readonly byManifestUid: SopInstanceUid }
>;
export type SubmissionHeld = DomainEvent<
  'SubmissionHeld',
  { readonly submissionId: SubmissionId; readonly reason: DelayReason; readonly code: CodedConcept; readonly manifestUid: SopInstanceUid }
>;
export type SubmissionReleased = DomainEvent<'SubmissionReleased', { readonly submissionId: SubmissionId; readonly byManifestUid: SopInstanceUid }>;
export type SubmissionCompleted = DomainEvent<
  'SubmissionCompleted',
  {
    readonly submissionId: SubmissionId;
    readonly manifests: readonly SopInstanceUid[];
    readonly instances: readonly SopInstanceUid[];
    readonly completedAt: string;
    /** True when a late instance completed a submission that had timed out. */
    readonly late: boolean;
  }
>;
export type SubmissionTimedOut = DomainEvent<
  'SubmissionTimedOut',
  { readonly submissionId: SubmissionId; readonly missing: readonly SopInstanceUid[]; readonly present: readonly SopInstanceUid[]; readonly at: string }
>;
export type LateInstanceAttached = DomainEvent<
  'LateInstanceAttached',
  { readonly submissionId: SubmissionId; readonly sopInstanceUid: SopInstanceUid; readonly stillMissing: readonly SopInstanceUid[] }
>;
export type SubmissionReopened = DomainEvent<
  'SubmissionReopened',
  { readonly submissionId: SubmissionId; readonly byManifestUid: SopInstanceUid; readonly missing: readonly SopInstanceUid[] }
>;

export type QuarantineReleased = DomainEvent<'QuarantineReleased', { readonly sopInstanceUid: SopInstanceUid; readonly sha256: string; readonly releasedBy: string; readonly at: string }>;
export type QuarantinedInstanceDeleted = DomainEvent<
  'QuarantinedInstanceDeleted',
  { readonly sopInstanceUid: SopInstanceUid; readonly sha256: string; readonly deletedBy: string; readonly reason: string; readonly at: string }
>;

export type TceInboxEvent =
  | QuarantineReleased
  | QuarantinedInstanceDeleted
  | InstanceStaged
  | InstanceQuarantined
  | DuplicateInstanceIgnored
  | InstanceReplaced
  | ManifestReceived
  | DuplicateManifestIgnored
  | SubmissionsMerged
  | SubmissionHeld
  | SubmissionReleased
  | SubmissionCompleted
  | SubmissionTimedOut
  | LateInstanceAttached
  | SubmissionReopened;

// ---- state ----

export interface StagedInstance {
  readonly sha256: string;
  readonly kind: InstanceKind;
  readonly studyInstanceUid: StudyInstanceUid;
}

export type SubmissionStatus = 'collecting' | 'held' | 'complete' | 'partial';

export interface SubmissionState {
  readonly id: SubmissionId;
  readonly status: SubmissionStatus;
  readonly manifests: readonly SopInstanceUid[];
  readonly expected: readonly SopInstanceUid[];
  /** Manifest UIDs the member manifests name as Identical Documents. */
  readonly identicalDocuments: readonly SopInstanceUid[];
  readonly patientId: string | null;
  readonly hold: { readonly reason: DelayReason; readonly manifestUid: SopInstanceUid } | null;
  readonly lastActivityAt: string;
}

/**
 * The staging area's state. Persistent maps (immutable.js) keep each event's fold O(log n) however many
 * instances the archive has received, where copying plain objects made it O(n) per instance.
 */
export interface TceInboxState {
  readonly instances: ImmutableMap<string, StagedInstance>;
  readonly quarantined: ImmutableMap<string, string>;
  /** Manifest SOP Instance UID → its submission. */
  readonly manifestSubmission: ImmutableMap<string, SubmissionId>;
  /** Submissions in the order they were opened. */
  readonly submissions: OrderedMap<string, SubmissionState>;
  /** Referenced SOP Instance UID → the submission that expects it, so an arriving instance finds it in O(1). */
  readonly expectedBy: ImmutableMap<string, SubmissionId>;
}
