import type { TrafficEvent } from '../../domain/ingest/traffic';
import type { Projection } from '../../server/projections/projection';

export const trafficProjection: Projection = {
  name: 'traffic',
  apply(event, db) {
    const e = event as unknown as TrafficEvent;
    switch (e.type) {
      case 'AssociationEnded': {
        const d = e.data;
        db.prepare(
          `INSERT OR REPLACE INTO dicom_associations (id, transport, calling_aet, called_aet, peer_address, node_id, outcome, reason, opened_at, ended_at, stored, failed, bytes)
           VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)`,
        ).run(d.associationId, d.transport, d.callingAet, d.calledAet, d.peerAddress, d.nodeId, d.aborted ? 'aborted' : 'completed', d.openedAt, d.endedAt, d.stored, d.failed, d.bytes);
        return [{ topic: 'ingest', key: 'traffic', change: 'association' }];
      }
      case 'AssociationRefused': {
        const d = e.data;
        db.prepare(
          `INSERT OR REPLACE INTO dicom_associations (id, transport, calling_aet, called_aet, peer_address, node_id, outcome, reason, opened_at, ended_at)
           VALUES (?, 'dimse', ?, ?, ?, NULL, 'refused', ?, ?, ?)`,
        ).run(event.id, d.callingAet, d.calledAet, d.peerAddress, d.reason, d.at, d.at);
        return [{ topic: 'ingest', key: 'traffic', change: 'refused' }];
      }
      case 'InstanceRefused': {
        const d = e.data;
        db.prepare('INSERT INTO refused_instances (association_id, transport, sop_instance_uid, status, code, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          d.associationId, d.transport, d.sopInstanceUid, d.status, d.code, d.reason, d.at,
        );
        return [{ topic: 'ingest', key: 'traffic', change: 'instanceRefused' }];
      }
      default:
        return [];
    }
  },
};
