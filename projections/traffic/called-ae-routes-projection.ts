import type Database from 'better-sqlite3';
import type { CalledAeRouteEvent } from '../../domain/ingest/called-ae-route';
import { asFolderId, type FolderId } from '../../domain/shared/ids';
import type { Projection } from '../../server/projections/projection';

export const calledAeRoutesProjection: Projection = {
  name: 'called-ae-routes',
  apply(event, db) {
    const e = event as unknown as CalledAeRouteEvent;
    switch (e.type) {
      case 'CalledAeRouteSet':
        db.prepare('INSERT OR REPLACE INTO called_ae_routes (ae_title, folder_id, set_at) VALUES (?, ?, ?)').run(e.data.aeTitle, e.data.folderId, e.data.at);
        return [{ topic: 'ingest', key: 'routes', change: 'set' }];
      case 'CalledAeRouteRemoved':
        db.prepare('DELETE FROM called_ae_routes WHERE ae_title = ?').run(e.data.aeTitle);
        return [{ topic: 'ingest', key: 'routes', change: 'removed' }];
      default:
        return [];
    }
  },
};

export function calledAeRoutes(db: Database.Database): Record<string, FolderId> {
  const rows = db.prepare<[], { ae_title: string; folder_id: string }>('SELECT ae_title, folder_id FROM called_ae_routes').all();
  return Object.fromEntries(rows.map((r) => [r.ae_title, asFolderId(r.folder_id)]));
}
