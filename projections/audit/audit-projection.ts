import type { Projection } from '../../server/projections/projection';

/** Every event's metadata, so "who did what, when, from where" is a query (DESIGN §1: audit is free). */
export const auditProjection: Projection = {
  name: 'audit',
  apply(event, db) {
    db.prepare(
      `INSERT OR IGNORE INTO audit_entries (position, stream_id, revision, type, at, actor_id, source, correlation_id, causation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      event.position,
      event.streamId,
      event.revision,
      event.type,
      event.metadata.timestamp,
      event.metadata.actorId,
      event.metadata.source,
      event.metadata.correlationId,
      event.metadata.causationId,
    );
  },
};
