import type Database from 'better-sqlite3';
import type { CaseEvent, PlacedInstance } from '../../domain/cases/case';
import type { CaseSubmission } from '../../domain/cases/case-model';
import type { UserEvent } from '../../domain/accounts/user';
import { UNCLAIMED_FOLDER_ID } from '../../domain/folders/folder';
import type { ChangeNotice, Projection } from '../../server/projections/projection';

function insertPlaced(db: Database.Database, caseId: string, placed: readonly PlacedInstance[]) {
  const series = db.prepare(
    `INSERT OR IGNORE INTO case_series (case_id, study_instance_uid, study_date, series_instance_uid, modality, series_number, description, body_part)
     VALUES (?, ?, NULL, ?, ?, ?, ?, ?)`,
  );
  const instance = db.prepare(
    `INSERT OR IGNORE INTO case_instances (case_id, series_instance_uid, sop_instance_uid, sop_class_uid, kind, instance_number, number_of_frames, rows, columns, transfer_syntax_uid, sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const p of placed) {
    series.run(caseId, p.studyInstanceUid, p.seriesInstanceUid, p.modality, p.seriesNumber, p.seriesDescription, p.bodyPart);
    const i = p.instance;
    instance.run(caseId, p.seriesInstanceUid, i.sopInstanceUid, i.sopClassUid, i.kind, i.instanceNumber, i.numberOfFrames, i.rows, i.columns, i.transferSyntaxUid, i.sha256);
  }
}

function fileInFolder(db: Database.Database, folderId: string, caseId: string, title: string, at: string) {
  db.prepare('INSERT OR IGNORE INTO folder_cases (folder_id, case_id, title, filed_at) VALUES (?, ?, ?, ?)').run(folderId, caseId, title, at);
}

function submitted(db: Database.Database, c: CaseSubmission): ChangeNotice[] {
  const author = c.author?.value ?? null;
  const images = c.studies.flatMap((s) => s.series);
  const distinct = (values: (string | null)[]) => JSON.stringify([...new Set(values.filter((v): v is string => !!v))]);
  db.prepare(
    `INSERT OR REPLACE INTO cases (id, submission_id, folder_id, owner_id, title, purpose, status, held_reason, missing, teaching, author_subject, author, author_gmc,
       submitter_note, sender, routing, procedure_codes, modalities, body_parts, pixel_review, phi_warnings, warnings, submitted_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    c.caseId, c.submissionId, c.folderId, c.ownerId, c.title, c.purpose, c.status, c.heldReason, JSON.stringify(c.missing), JSON.stringify(c.teaching),
    c.author?.subjectId ?? null, author ? JSON.stringify(author) : null, author?.gmcNumber ?? null, c.submitterNote, JSON.stringify(c.sender),
    JSON.stringify(c.routing), JSON.stringify(c.procedureCodes), distinct(images.map((s) => s.modality)), distinct(images.map((s) => s.bodyPart)),
    JSON.stringify(c.pixelReview), JSON.stringify(c.phiWarnings), JSON.stringify(c.warnings ?? []), c.submittedAt, c.submittedAt,
  );
  const placed = c.studies.flatMap((study) =>
    study.series.flatMap((se) =>
      se.instances.map((instance) => ({
        studyInstanceUid: study.studyInstanceUid,
        seriesInstanceUid: se.seriesInstanceUid,
        modality: se.modality,
        seriesNumber: se.seriesNumber,
        seriesDescription: se.description,
        bodyPart: se.bodyPart,
        instance,
      })),
    ),
  );
  insertPlaced(db, c.caseId, placed);
  for (const study of c.studies) db.prepare('UPDATE case_series SET study_date = ? WHERE case_id = ? AND study_instance_uid = ?').run(study.studyDate, c.caseId, study.studyInstanceUid);
  const folderId = c.folderId ?? UNCLAIMED_FOLDER_ID;
  fileInFolder(db, folderId, c.caseId, c.title, c.submittedAt);
  return [
    { topic: 'folder', key: folderId, change: 'caseAdded' },
    { topic: 'case', key: c.caseId, change: 'submitted' },
  ];
}

export const casesProjection: Projection = {
  name: 'cases',
  apply(event, db) {
    const e = event as unknown as CaseEvent | UserEvent;
    switch (e.type) {
      case 'CaseSubmitted':
        return submitted(db, e.data);
      case 'CaseInstancesAttached':
        insertPlaced(db, e.data.caseId, e.data.instances);
        db.prepare('UPDATE cases SET missing = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(e.data.stillMissing), e.data.at, e.data.caseId);
        return [{ topic: 'case', key: e.data.caseId, change: 'instancesAttached' }];
      case 'CaseCompleted':
        db.prepare("UPDATE cases SET status = 'complete', held_reason = NULL, missing = '[]', updated_at = ? WHERE id = ?").run(e.data.at, e.data.caseId);
        return [{ topic: 'case', key: e.data.caseId, change: e.data.released ? 'released' : 'completed' }];
      case 'CaseContentRevised': {
        const d = e.data;
        const author = d.author?.value ?? null;
        db.prepare(
          `UPDATE cases SET title = ?, teaching = ?, author_subject = ?, author = ?, author_gmc = ?, submitter_note = ?, warnings = ?, updated_at = ? WHERE id = ?`,
        ).run(d.title, JSON.stringify(d.teaching), d.author?.subjectId ?? null, author ? JSON.stringify(author) : null, author?.gmcNumber ?? null, d.submitterNote, JSON.stringify(d.warnings), d.at, d.caseId);
        db.prepare('UPDATE folder_cases SET title = ? WHERE case_id = ?').run(d.title, d.caseId);
        const folders = db.prepare<[string], { folder_id: string }>('SELECT folder_id FROM folder_cases WHERE case_id = ?').all(d.caseId);
        return [{ topic: 'case', key: d.caseId, change: 'revised' }, ...folders.map((f) => ({ topic: 'folder', key: f.folder_id, change: 'caseRevised' }))];
      }
      case 'UserErased':
        db.prepare('UPDATE cases SET author = NULL, author_gmc = NULL WHERE author_subject = ?').run(e.data.userId);
        return [];
      case 'CaseClaimed': {
        const row = db.prepare<[string], { title: string }>('SELECT title FROM cases WHERE id = ?').get(e.data.caseId);
        db.prepare('UPDATE cases SET folder_id = ?, owner_id = ?, updated_at = ? WHERE id = ?').run(e.data.folderId, e.data.ownerId, e.data.at, e.data.caseId);
        db.prepare('DELETE FROM folder_cases WHERE folder_id = ? AND case_id = ?').run(UNCLAIMED_FOLDER_ID, e.data.caseId);
        fileInFolder(db, e.data.folderId, e.data.caseId, row?.title ?? '', e.data.at);
        return [
          { topic: 'folder', key: e.data.folderId, change: 'caseAdded' },
          { topic: 'folder', key: UNCLAIMED_FOLDER_ID, change: 'caseRemoved' },
          { topic: 'case', key: e.data.caseId, change: 'claimed' },
        ];
      }
      default:
        return [];
    }
  },
};
