import type Database from 'better-sqlite3';
import type { StagedInstanceFacts } from '../../domain/cases/build-case';
import type { InstanceColumns } from '../../domain/tce/submission-types';

interface InstanceRow {
  sop_instance_uid: string;
  sha256: string;
  kind: 'manifest' | 'atfi' | 'instance';
  sop_class_uid: string;
  study_instance_uid: string;
  series_instance_uid: string;
  columns: string | null;
  pixel_review: number;
  phi_warnings: string;
  received_at: string;
  transport: 'dimse' | 'stow-rs';
  calling_aet: string;
  called_aet: string;
  peer_address: string;
  association_id: string;
}

export interface StagedInstanceRow extends StagedInstanceFacts {
  readonly receivedAt: string;
  readonly channel: { transport: 'dimse' | 'stow-rs'; callingAet: string; calledAet: string; peerAddress: string; associationId: string };
}

function toFacts(r: InstanceRow): StagedInstanceRow {
  const c = (r.columns ? JSON.parse(r.columns) : {}) as Partial<InstanceColumns>;
  return {
    sopInstanceUid: r.sop_instance_uid,
    sopClassUid: r.sop_class_uid,
    studyInstanceUid: r.study_instance_uid,
    seriesInstanceUid: r.series_instance_uid,
    kind: r.kind,
    sha256: r.sha256,
    modality: c.modality ?? null,
    seriesNumber: c.seriesNumber ?? null,
    instanceNumber: c.instanceNumber ?? null,
    seriesDescription: c.seriesDescription ?? null,
    bodyPart: c.bodyPart ?? null,
    procedureCode: c.procedureCode ?? null,
    studyDate: c.studyDate ?? null,
    numberOfFrames: c.numberOfFrames ?? null,
    rows: c.rows ?? null,
    columns: c.columns ?? null,
    transferSyntaxUid: c.transferSyntaxUid ?? '',
    pixelReview: r.pixel_review === 1,
    phiWarnings: JSON.parse(r.phi_warnings) as string[],
    receivedAt: r.received_at,
    channel: { transport: r.transport, callingAet: r.calling_aet, calledAet: r.called_aet, peerAddress: r.peer_address, associationId: r.association_id },
  };
}

/** The staged instances with these SOP Instance UIDs (those not received are simply absent). */
export function stagedInstances(db: Database.Database, uids: readonly string[]): StagedInstanceRow[] {
  const out: StagedInstanceRow[] = [];
  const select = db.prepare<[string], InstanceRow>('SELECT * FROM tce_instances WHERE sop_instance_uid = ?');
  for (const uid of uids) {
    const row = select.get(uid);
    if (row) out.push(toFacts(row));
  }
  return out;
}

export interface SubmissionRow {
  id: string;
  status: string;
  manifests: string[];
  expected: string[];
  purpose: string | null;
  holdReason: string | null;
  openedAt: string;
  lastActivityAt: string;
}

type RawSubmission = Omit<SubmissionRow, 'manifests' | 'expected'> & { manifests: string; expected: string };
const submissionColumns = 'id, status, manifests, expected, purpose, hold_reason AS holdReason, opened_at AS openedAt, last_activity_at AS lastActivityAt';
const toSubmission = (r: RawSubmission): SubmissionRow => ({ ...r, manifests: JSON.parse(r.manifests), expected: JSON.parse(r.expected) });

export function submissionById(db: Database.Database, id: string): SubmissionRow | null {
  const row = db.prepare<[string], RawSubmission>(`SELECT ${submissionColumns} FROM tce_submissions WHERE id = ?`).get(id);
  return row ? toSubmission(row) : null;
}

/** Submissions still waiting: collecting, held or partial, newest activity first. */
export function pendingSubmissions(db: Database.Database, limit: number): SubmissionRow[] {
  return db
    .prepare<[number], RawSubmission>(`SELECT ${submissionColumns} FROM tce_submissions WHERE status IN ('collecting', 'held', 'partial') ORDER BY last_activity_at DESC LIMIT ?`)
    .all(limit)
    .map(toSubmission);
}

/** Which of `uids` have been received. */
export function receivedUids(db: Database.Database, uids: readonly string[]): Set<string> {
  const select = db.prepare<[string], { u: string }>('SELECT sop_instance_uid AS u FROM tce_instances WHERE sop_instance_uid = ?');
  return new Set(uids.filter((u) => select.get(u)));
}

export interface QuarantineRow {
  sopInstanceUid: string;
  sha256: string;
  sopClassUid: string;
  findings: { code: string; severity: string; where: string; detail: string }[];
  receivedAt: string;
  callingAet: string;
  peerAddress: string;
  transport: string;
}

export function quarantinedInstances(db: Database.Database, limit: number): QuarantineRow[] {
  return db
    .prepare<[number], Omit<QuarantineRow, 'findings'> & { findings: string }>(
      `SELECT sop_instance_uid AS sopInstanceUid, sha256, sop_class_uid AS sopClassUid, findings, received_at AS receivedAt,
              calling_aet AS callingAet, peer_address AS peerAddress, transport FROM tce_quarantine ORDER BY received_at DESC LIMIT ?`,
    )
    .all(limit)
    .map((r) => ({ ...r, findings: JSON.parse(r.findings) }));
}
