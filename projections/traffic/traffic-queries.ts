import type Database from 'better-sqlite3';

export interface AssociationRow {
  id: string;
  transport: string;
  callingAet: string;
  calledAet: string;
  peerAddress: string;
  nodeId: string | null;
  outcome: string;
  reason: string | null;
  openedAt: string;
  endedAt: string;
  stored: number;
  failed: number;
  bytes: number;
}

export const recentAssociations = (db: Database.Database, limit: number): AssociationRow[] =>
  db
    .prepare<[number], AssociationRow>(
      `SELECT id, transport, calling_aet AS callingAet, called_aet AS calledAet, peer_address AS peerAddress, node_id AS nodeId, outcome, reason,
              opened_at AS openedAt, ended_at AS endedAt, stored, failed, bytes FROM dicom_associations ORDER BY ended_at DESC LIMIT ?`,
    )
    .all(limit);

export interface RefusedInstanceRow {
  associationId: string;
  transport: string;
  sopInstanceUid: string | null;
  status: number;
  code: string;
  reason: string;
  at: string;
}

export const recentRefusedInstances = (db: Database.Database, limit: number): RefusedInstanceRow[] =>
  db
    .prepare<[number], RefusedInstanceRow>(
      `SELECT association_id AS associationId, transport, sop_instance_uid AS sopInstanceUid, status, code, reason, at
       FROM refused_instances ORDER BY seq DESC LIMIT ?`,
    )
    .all(limit);
