import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ExportStatus } from '../../domain/gateway/export-lifecycle';
import type { StagedManifest } from '../../domain/gateway/selection-plan';

/** One staged original, as received from the PACS. */
export interface StagedInstance {
  readonly sopInstanceUid: string;
  readonly sopClassUid: string;
  readonly studyInstanceUid: string;
  readonly file: string;
  /** What the instance is in a TCE selection; exported in this order (RAD-53: the manifest last). */
  readonly kind: 'image' | 'atfi' | 'manifest';
  readonly callingAet: string;
  readonly receivedAt: string;
}

/** What the preview page shows about one export. */
export interface ExportRecord {
  readonly id: string;
  readonly manifests: readonly string[];
  readonly status: ExportStatus;
  readonly title: string;
  readonly purpose: string;
  readonly delayReason: string | null;
  readonly missing: readonly string[];
  readonly supersededBy: string | null;
  readonly rejectReason: string | null;
  readonly note: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** One de-identified instance of an export, with the header summary shown for review. */
export interface ExportedInstance {
  readonly exportId: string;
  readonly originalUid: string;
  readonly deidUid: string;
  readonly sopClassUid: string;
  readonly file: string;
  readonly heldForReview: string | null;
  readonly header: Readonly<Record<string, string>>;
  readonly order: number;
}

export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** Where one de-identified instance went: the export log. */
export interface Delivery {
  readonly exportId: string;
  readonly deidUid: string;
  readonly destination: string;
  readonly status: DeliveryStatus;
  readonly attempts: number;
  readonly updatedAt: string;
  readonly detail: string | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS instances (sop_instance_uid TEXT PRIMARY KEY, sop_class_uid TEXT NOT NULL, study_uid TEXT NOT NULL,
  file TEXT NOT NULL, kind TEXT NOT NULL, calling_aet TEXT NOT NULL, received_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS manifests (sop_instance_uid TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS exports (id TEXT PRIMARY KEY, manifests TEXT NOT NULL, status TEXT NOT NULL, title TEXT NOT NULL,
  purpose TEXT NOT NULL, delay_reason TEXT, missing TEXT NOT NULL, superseded_by TEXT, reject_reason TEXT, note TEXT,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS export_instances (export_id TEXT NOT NULL, original_uid TEXT NOT NULL, deid_uid TEXT NOT NULL,
  sop_class_uid TEXT NOT NULL, file TEXT NOT NULL, held TEXT, header TEXT NOT NULL, ord INTEGER NOT NULL,
  PRIMARY KEY (export_id, original_uid));
CREATE TABLE IF NOT EXISTS deliveries (export_id TEXT NOT NULL, deid_uid TEXT NOT NULL, destination TEXT NOT NULL,
  status TEXT NOT NULL, attempts INTEGER NOT NULL, updated_at TEXT NOT NULL, detail TEXT,
  PRIMARY KEY (export_id, deid_uid, destination));
`;

type Row = Record<string, unknown>;

const exportFromRow = (row: Row): ExportRecord => ({
  id: String(row.id),
  manifests: JSON.parse(String(row.manifests)) as string[],
  status: row.status as ExportStatus,
  title: String(row.title),
  purpose: String(row.purpose),
  delayReason: (row.delay_reason as string | null) ?? null,
  missing: JSON.parse(String(row.missing)) as string[],
  supersededBy: (row.superseded_by as string | null) ?? null,
  rejectReason: (row.reject_reason as string | null) ?? null,
  note: (row.note as string | null) ?? null,
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

const instanceFromRow = (row: Row): ExportedInstance => ({
  exportId: String(row.export_id),
  originalUid: String(row.original_uid),
  deidUid: String(row.deid_uid),
  sopClassUid: String(row.sop_class_uid),
  file: String(row.file),
  heldForReview: (row.held as string | null) ?? null,
  header: JSON.parse(String(row.header)) as Record<string, string>,
  order: Number(row.ord),
});

const deliveryFromRow = (row: Row): Delivery => ({
  exportId: String(row.export_id),
  deidUid: String(row.deid_uid),
  destination: String(row.destination),
  status: row.status as DeliveryStatus,
  attempts: Number(row.attempts),
  updatedAt: String(row.updated_at),
  detail: (row.detail as string | null) ?? null,
});

/**
 * The gateway's state under DATA_DIR/gateway/gateway.sqlite: staged originals and manifests, exports with their
 * review status, their de-identified instances, and the delivery log. Files themselves live beside it.
 */
export class GatewayStore {
  private constructor(private readonly db: Database.Database) {}

  static open(gatewayDir: string): GatewayStore {
    mkdirSync(gatewayDir, { recursive: true });
    const db = new Database(path.join(gatewayDir, 'gateway.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(SCHEMA);
    return new GatewayStore(db);
  }

  close(): void {
    this.db.close();
  }

  putInstance(instance: StagedInstance): void {
    this.db
      .prepare('INSERT OR REPLACE INTO instances VALUES (@sopInstanceUid, @sopClassUid, @studyInstanceUid, @file, @kind, @callingAet, @receivedAt)')
      .run(instance);
  }

  instance(sopInstanceUid: string): StagedInstance | null {
    const row = this.db.prepare('SELECT * FROM instances WHERE sop_instance_uid = ?').get(sopInstanceUid) as Row | undefined;
    if (!row) return null;
    return {
      sopInstanceUid: String(row.sop_instance_uid),
      sopClassUid: String(row.sop_class_uid),
      studyInstanceUid: String(row.study_uid),
      file: String(row.file),
      kind: row.kind as StagedInstance['kind'],
      callingAet: String(row.calling_aet),
      receivedAt: String(row.received_at),
    };
  }

  presentUids(): Set<string> {
    return new Set((this.db.prepare('SELECT sop_instance_uid FROM instances').pluck().all() as string[]));
  }

  putManifest(manifest: StagedManifest & { readonly title: string; readonly note: string | null }): void {
    this.db.prepare('INSERT OR IGNORE INTO manifests VALUES (?, ?)').run(manifest.sopInstanceUid, JSON.stringify(manifest));
  }

  manifests(): Array<StagedManifest & { readonly title: string; readonly note: string | null }> {
    return (this.db.prepare('SELECT body FROM manifests').pluck().all() as string[]).map((body) => JSON.parse(body));
  }

  export(id: string): ExportRecord | null {
    const row = this.db.prepare('SELECT * FROM exports WHERE id = ?').get(id) as Row | undefined;
    return row ? exportFromRow(row) : null;
  }

  exports(): ExportRecord[] {
    return (this.db.prepare('SELECT * FROM exports ORDER BY created_at DESC, id').all() as Row[]).map(exportFromRow);
  }

  /** Inserts or updates an export's planning fields; review fields (reject reason) are left alone. */
  upsertExport(record: Omit<ExportRecord, 'createdAt' | 'updatedAt' | 'rejectReason'>, at: Date): void {
    this.db
      .prepare(
        `INSERT INTO exports (id, manifests, status, title, purpose, delay_reason, missing, superseded_by, note, created_at, updated_at)
         VALUES (@id, @manifests, @status, @title, @purpose, @delayReason, @missing, @supersededBy, @note, @at, @at)
         ON CONFLICT(id) DO UPDATE SET manifests = excluded.manifests, status = excluded.status, title = excluded.title,
           purpose = excluded.purpose, delay_reason = excluded.delay_reason, missing = excluded.missing,
           superseded_by = excluded.superseded_by, note = excluded.note, updated_at = excluded.updated_at`,
      )
      .run({ ...record, manifests: JSON.stringify(record.manifests), missing: JSON.stringify(record.missing), at: at.toISOString() });
  }

  setStatus(id: string, status: ExportStatus, at: Date, rejectReason?: string): void {
    this.db
      .prepare('UPDATE exports SET status = ?, reject_reason = COALESCE(?, reject_reason), updated_at = ? WHERE id = ?')
      .run(status, rejectReason ?? null, at.toISOString(), id);
  }

  putExportedInstances(instances: readonly ExportedInstance[]): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO export_instances VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const i of instances) insert.run(i.exportId, i.originalUid, i.deidUid, i.sopClassUid, i.file, i.heldForReview, JSON.stringify(i.header), i.order);
    })();
  }

  exportedInstances(exportId: string): ExportedInstance[] {
    return (this.db.prepare('SELECT * FROM export_instances WHERE export_id = ? ORDER BY ord').all(exportId) as Row[]).map(instanceFromRow);
  }

  /** Creates the pending deliveries of a released export (one per instance and destination), keeping existing ones. */
  planDeliveries(exportId: string, destinations: readonly string[], at: Date): void {
    const insert = this.db.prepare("INSERT OR IGNORE INTO deliveries VALUES (?, ?, ?, 'pending', 0, ?, NULL)");
    this.db.transaction(() => {
      for (const instance of this.exportedInstances(exportId)) {
        for (const destination of destinations) insert.run(exportId, instance.deidUid, destination, at.toISOString());
      }
    })();
  }

  recordDelivery(exportId: string, deidUid: string, destination: string, status: DeliveryStatus, detail: string | null, at: Date): void {
    this.db
      .prepare('UPDATE deliveries SET status = ?, attempts = attempts + 1, detail = ?, updated_at = ? WHERE export_id = ? AND deid_uid = ? AND destination = ?')
      .run(status, detail, at.toISOString(), exportId, deidUid, destination);
  }

  /** Marks what is still pending for a destination as given up, after the last retry; `detail` prefixes the last error. */
  giveUpDeliveries(exportId: string, destination: string, detail: string, at: Date): void {
    this.db
      .prepare("UPDATE deliveries SET status = 'failed', detail = ? || COALESCE(detail, ''), updated_at = ? WHERE export_id = ? AND destination = ? AND status = 'pending'")
      .run(detail, at.toISOString(), exportId, destination);
  }

  deliveries(exportId: string): Delivery[] {
    return (this.db.prepare('SELECT * FROM deliveries WHERE export_id = ? ORDER BY destination, deid_uid').all(exportId) as Row[]).map(deliveryFromRow);
  }
}
