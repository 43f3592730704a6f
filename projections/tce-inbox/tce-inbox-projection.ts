import type Database from 'better-sqlite3';
import type { TceInboxEvent } from '../../domain/tce/submission-types';
import type { Projection } from '../../server/projections/projection';

const setStatus = (db: Database.Database, id: string, status: string, at: string | null = null) =>
  db.prepare('UPDATE tce_submissions SET status = ?, last_activity_at = COALESCE(?, last_activity_at) WHERE id = ?').run(status, at, id);

const union = (json: string | undefined, more: readonly string[]) => JSON.stringify([...new Set([...(JSON.parse(json ?? '[]') as string[]), ...more])].sort());

/** The receiver's staging area for the ingest status page and case building: submissions, instances, quarantine. */
export const tceInboxProjection: Projection = {
  name: 'tce-inbox',
  apply(event, db) {
    const e = event as unknown as TceInboxEvent;
    switch (e.type) {
      case 'InstanceStaged': {
        const d = e.data;
        db.prepare(
          `INSERT OR REPLACE INTO tce_instances (sop_instance_uid, sha256, kind, sop_class_uid, study_instance_uid, series_instance_uid, columns,
             pixel_review, phi_warnings, received_at, transport, calling_aet, called_aet, peer_address, association_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          d.sopInstanceUid, d.sha256, d.kind, d.sopClassUid, d.studyInstanceUid, d.seriesInstanceUid, d.columns ? JSON.stringify(d.columns) : null,
          d.pixelReview ? 1 : 0, JSON.stringify(d.phiWarnings.map((w) => `${w.where}: ${w.detail}`)), d.receivedAt,
          d.channel.transport, d.channel.callingAet, d.channel.calledAet, d.channel.peerAddress, d.channel.associationId,
        );
        if (d.submissionId) db.prepare('UPDATE tce_submissions SET last_activity_at = ? WHERE id = ?').run(d.receivedAt, d.submissionId);
        return [{ topic: 'ingest', key: 'inbox', change: 'instanceStaged' }];
      }
      case 'InstanceReplaced':
        db.prepare('UPDATE tce_instances SET sha256 = ?, received_at = ? WHERE sop_instance_uid = ?').run(e.data.sha256, e.data.receivedAt, e.data.sopInstanceUid);
        return [];
      case 'InstanceQuarantined': {
        const d = e.data;
        db.prepare(
          `INSERT OR REPLACE INTO tce_quarantine (sop_instance_uid, sha256, sop_class_uid, findings, received_at, calling_aet, peer_address, transport)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(d.sopInstanceUid, d.sha256, d.sopClassUid, JSON.stringify(d.findings), d.receivedAt, d.channel.callingAet, d.channel.peerAddress, d.channel.transport);
        return [{ topic: 'ingest', key: 'inbox', change: 'quarantined' }];
      }
      case 'QuarantineReleased':
      case 'QuarantinedInstanceDeleted':
        db.prepare('DELETE FROM tce_quarantine WHERE sop_instance_uid = ?').run(e.data.sopInstanceUid);
        return [{ topic: 'ingest', key: 'inbox', change: e.type === 'QuarantineReleased' ? 'quarantineReleased' : 'quarantineDeleted' }];
      case 'ManifestReceived': {
        const d = e.data;
        const row = db.prepare<[string], { manifests: string; expected: string }>('SELECT manifests, expected FROM tce_submissions WHERE id = ?').get(d.submissionId);
        db.prepare(
          `INSERT INTO tce_submissions (id, status, manifests, expected, purpose, opened_at, last_activity_at) VALUES (?, 'collecting', ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET manifests = excluded.manifests, expected = excluded.expected, last_activity_at = excluded.last_activity_at`,
        ).run(d.submissionId, union(row?.manifests, [d.manifestUid]), union(row?.expected, d.expected), d.purpose, d.receivedAt, d.receivedAt);
        return [{ topic: 'ingest', key: 'inbox', change: 'manifestReceived' }];
      }
      case 'SubmissionsMerged': {
        const merged = db.prepare<[string], { manifests: string; expected: string }>('SELECT manifests, expected FROM tce_submissions WHERE id = ?').get(e.data.mergedSubmissionId);
        const target = db.prepare<[string], { manifests: string; expected: string }>('SELECT manifests, expected FROM tce_submissions WHERE id = ?').get(e.data.submissionId);
        if (merged && target) {
          db.prepare('UPDATE tce_submissions SET manifests = ?, expected = ? WHERE id = ?').run(
            union(target.manifests, JSON.parse(merged.manifests)),
            union(target.expected, JSON.parse(merged.expected)),
            e.data.submissionId,
          );
        }
        db.prepare("UPDATE tce_submissions SET status = 'merged', merged_into = ? WHERE id = ?").run(e.data.submissionId, e.data.mergedSubmissionId);
        return [];
      }
      case 'SubmissionHeld':
        db.prepare("UPDATE tce_submissions SET status = 'held', hold_reason = ? WHERE id = ?").run(e.data.reason, e.data.submissionId);
        return [{ topic: 'ingest', key: 'inbox', change: 'held' }];
      case 'SubmissionReleased':
        db.prepare("UPDATE tce_submissions SET status = 'collecting', hold_reason = NULL WHERE id = ?").run(e.data.submissionId);
        return [];
      case 'SubmissionCompleted':
        setStatus(db, e.data.submissionId, 'complete', e.data.completedAt);
        return [{ topic: 'ingest', key: 'inbox', change: 'completed' }];
      case 'SubmissionTimedOut':
        setStatus(db, e.data.submissionId, 'partial', e.data.at);
        return [{ topic: 'ingest', key: 'inbox', change: 'timedOut' }];
      case 'SubmissionReopened':
        setStatus(db, e.data.submissionId, 'collecting');
        return [];
      default:
        return [];
    }
  },
};
