import type Database from 'better-sqlite3';
import type { CaseAuthor, CaseSender, RoutingRecord, TeachingContent } from '../../domain/cases/case-model';
import type { CodedConcept } from '../../domain/dicom/coded-concept';

export interface CaseRow {
  id: string;
  submissionId: string;
  folderId: string | null;
  ownerId: string | null;
  title: string;
  purpose: string;
  status: 'complete' | 'partial' | 'held';
  heldReason: string | null;
  missing: string[];
  teaching: TeachingContent;
  author: CaseAuthor | null;
  authorGmc: string | null;
  submitterNote: string | null;
  sender: CaseSender;
  routing: RoutingRecord;
  procedureCodes: CodedConcept[];
  modalities: string[];
  bodyParts: string[];
  pixelReview: string[];
  phiWarnings: string[];
  warnings: string[];
  submittedAt: string;
  updatedAt: string;
}

const json = ['missing', 'teaching', 'author', 'sender', 'routing', 'procedureCodes', 'modalities', 'bodyParts', 'pixelReview', 'phiWarnings', 'warnings'] as const;

export function caseById(db: Database.Database, id: string): CaseRow | null {
  const row = db
    .prepare<[string], Record<string, unknown>>(
      `SELECT id, submission_id AS submissionId, folder_id AS folderId, owner_id AS ownerId, title, purpose, status, held_reason AS heldReason, missing,
              teaching, author, author_gmc AS authorGmc, submitter_note AS submitterNote, sender, routing, procedure_codes AS procedureCodes,
              modalities, body_parts AS bodyParts, pixel_review AS pixelReview, phi_warnings AS phiWarnings, warnings, submitted_at AS submittedAt, updated_at AS updatedAt
       FROM cases WHERE id = ?`,
    )
    .get(id);
  if (!row) return null;
  for (const key of json) row[key] = row[key] === null ? null : JSON.parse(row[key] as string);
  return row as unknown as CaseRow;
}

export interface CaseSeriesRow {
  studyInstanceUid: string;
  studyDate: string | null;
  seriesInstanceUid: string;
  modality: string | null;
  seriesNumber: number | null;
  description: string | null;
  bodyPart: string | null;
  instanceCount: number;
}

export const seriesOfCase = (db: Database.Database, caseId: string): CaseSeriesRow[] =>
  db
    .prepare<[string], CaseSeriesRow>(
      `SELECT s.study_instance_uid AS studyInstanceUid, s.study_date AS studyDate, s.series_instance_uid AS seriesInstanceUid, s.modality,
              s.series_number AS seriesNumber, s.description, s.body_part AS bodyPart,
              (SELECT COUNT(*) FROM case_instances i WHERE i.case_id = s.case_id AND i.series_instance_uid = s.series_instance_uid) AS instanceCount
       FROM case_series s WHERE s.case_id = ? ORDER BY s.study_instance_uid, COALESCE(s.series_number, 1e9), s.series_instance_uid`,
    )
    .all(caseId);

export interface CaseInstanceRow {
  sopInstanceUid: string;
  sopClassUid: string;
  kind: string;
  instanceNumber: number | null;
  numberOfFrames: number | null;
  rows: number | null;
  columns: number | null;
  transferSyntaxUid: string;
  sha256: string;
}

export const instancesOfSeries = (db: Database.Database, caseId: string, seriesUid: string): CaseInstanceRow[] =>
  db
    .prepare<[string, string], CaseInstanceRow>(
      `SELECT sop_instance_uid AS sopInstanceUid, sop_class_uid AS sopClassUid, kind, instance_number AS instanceNumber, number_of_frames AS numberOfFrames,
              rows, columns, transfer_syntax_uid AS transferSyntaxUid, sha256
       FROM case_instances WHERE case_id = ? AND series_instance_uid = ? ORDER BY COALESCE(instance_number, 1e9), sop_instance_uid`,
    )
    .all(caseId, seriesUid);
