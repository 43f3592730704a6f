import type Database from 'better-sqlite3';

export interface AuditEntryRow {
  position: number;
  streamId: string;
  revision: number;
  type: string;
  at: string;
  actorId: string | null;
  source: string;
  correlationId: string;
  causationId: string | null;
}

/** The newest `first` entries of one stream, newest first. */
export function auditTrail(db: Database.Database, streamId: string, first: number): AuditEntryRow[] {
  return db
    .prepare<[string, number], AuditEntryRow>(
      `SELECT position, stream_id AS streamId, revision, type, at, actor_id AS actorId, source,
              correlation_id AS correlationId, causation_id AS causationId
       FROM audit_entries WHERE stream_id = ? ORDER BY revision DESC LIMIT ?`,
    )
    .all(streamId, first);
}
