import type { SendingNodeEvent } from '../../domain/nodes/sending-node';
import type { Projection } from '../../server/projections/projection';

export const sendingNodesProjection: Projection = {
  name: 'sending-nodes',
  apply(event, db) {
    const e = event as unknown as SendingNodeEvent;
    switch (e.type) {
      case 'NodeRegistered':
        db.prepare('INSERT OR REPLACE INTO sending_nodes (id, name, ae_title, host, token_hash, enabled, registered_at) VALUES (?, ?, ?, ?, ?, 1, ?)').run(
          e.data.nodeId,
          e.data.name,
          e.data.aeTitle,
          e.data.host,
          e.data.tokenHash,
          e.data.registeredAt,
        );
        return [{ topic: 'node', key: e.data.nodeId, change: 'registered' }];
      case 'NodeDisabled':
      case 'NodeEnabled':
        db.prepare('UPDATE sending_nodes SET enabled = ? WHERE id = ?').run(e.type === 'NodeEnabled' ? 1 : 0, e.data.nodeId);
        return [{ topic: 'node', key: e.data.nodeId, change: e.type === 'NodeEnabled' ? 'enabled' : 'disabled' }];
      case 'NodeRemoved':
        db.prepare('DELETE FROM sending_nodes WHERE id = ?').run(e.data.nodeId);
        return [{ topic: 'node', key: e.data.nodeId, change: 'removed' }];
      default:
        return [];
    }
  },
};
