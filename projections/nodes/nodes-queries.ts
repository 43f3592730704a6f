import type Database from 'better-sqlite3';

export interface SendingNodeRow {
  id: string;
  name: string;
  aeTitle: string;
  host: string;
  tokenHash: string;
  enabled: boolean;
  registeredAt: string;
}

const columns = 'id, name, ae_title AS aeTitle, host, token_hash AS tokenHash, enabled, registered_at AS registeredAt';
type Raw = Omit<SendingNodeRow, 'enabled'> & { enabled: number };
const toRow = (r: Raw | undefined): SendingNodeRow | null => (r ? { ...r, enabled: r.enabled === 1 } : null);

export const allSendingNodes = (db: Database.Database): SendingNodeRow[] =>
  db.prepare<[], Raw>(`SELECT ${columns} FROM sending_nodes ORDER BY name`).all().map((r) => toRow(r)!);

export const sendingNodeById = (db: Database.Database, id: string) => toRow(db.prepare<[string], Raw>(`SELECT ${columns} FROM sending_nodes WHERE id = ?`).get(id));

export const sendingNodeByAeTitle = (db: Database.Database, aeTitle: string) =>
  toRow(db.prepare<[string], Raw>(`SELECT ${columns} FROM sending_nodes WHERE ae_title = ?`).get(aeTitle));
