import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { PseudonymEntry } from './deidentify-instance';

/** Re-identification was asked for without saying who asks and why; the audit needs both. */
export class ReidentificationRequestError extends Error {
  readonly code = 'DEID_REIDENTIFICATION_UNJUSTIFIED';
}

export interface ReidentificationRequest {
  readonly pseudonym: string;
  readonly who: string;
  readonly why: string;
  readonly at: Date;
}

export interface ReidentifiedValue {
  readonly exportId: string;
  readonly kind: PseudonymEntry['kind'];
  readonly original: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS deid_pseudonyms (
  export_id TEXT NOT NULL, kind TEXT NOT NULL, pseudonym TEXT NOT NULL, original_sealed BLOB NOT NULL, recorded_at TEXT NOT NULL,
  PRIMARY KEY (export_id, kind, pseudonym)
);
CREATE INDEX IF NOT EXISTS deid_pseudonyms_by_pseudonym ON deid_pseudonyms (pseudonym);
CREATE TABLE IF NOT EXISTS deid_reidentification_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, who TEXT NOT NULL, why TEXT NOT NULL, pseudonym TEXT NOT NULL, matches INTEGER NOT NULL
);`;

/**
 * The pseudonymisation log: original ↔ pseudonymous patient IDs and UIDs, per export, in SQLite under DATA_DIR.
 * Originals are sealed with AES-256-GCM (random 96-bit IV; the kind and pseudonym are authenticated as associated
 * data, so a sealed value cannot be moved to another row). Pseudonyms stay clear: they are already in the exported
 * files. The only way back is `reidentify`, which appends an audit row (who, when, why) before answering.
 */
export class PseudonymStore {
  private constructor(private readonly db: Database.Database, private readonly key: Buffer) {}

  static open(dataDir: string, key: Buffer): PseudonymStore {
    const directory = path.join(dataDir, 'deid');
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const db = new Database(path.join(directory, 'pseudonyms.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
    return new PseudonymStore(db, key);
  }

  private seal(entry: PseudonymEntry): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(`${entry.kind}|${entry.pseudonym}`));
    const body = Buffer.concat([cipher.update(entry.original, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  private open(sealed: Buffer, kind: string, pseudonym: string): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(`${kind}|${pseudonym}`));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Records the pairs of one export (idempotent per export, kind and pseudonym). */
  record(exportId: string, entries: readonly PseudonymEntry[], at: Date): void {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO deid_pseudonyms (export_id, kind, pseudonym, original_sealed, recorded_at) VALUES (?, ?, ?, ?, ?)',
    );
    const write = this.db.transaction((rows: readonly PseudonymEntry[]) => {
      for (const entry of rows) insert.run(exportId, entry.kind, entry.pseudonym, this.seal(entry), at.toISOString());
    });
    write(entries);
  }

  /** Looks a pseudonym up, after appending who asked, when and why to the audit table. */
  reidentify(request: ReidentificationRequest): ReidentifiedValue[] {
    if (request.who.trim() === '' || request.why.trim() === '') {
      throw new ReidentificationRequestError('re-identification needs who is asking and why');
    }
    const rows = this.db
      .prepare('SELECT export_id, kind, pseudonym, original_sealed FROM deid_pseudonyms WHERE pseudonym = ?')
      .all(request.pseudonym) as { export_id: string; kind: PseudonymEntry['kind']; pseudonym: string; original_sealed: Buffer }[];
    this.db
      .prepare('INSERT INTO deid_reidentification_audit (at, who, why, pseudonym, matches) VALUES (?, ?, ?, ?, ?)')
      .run(request.at.toISOString(), request.who, request.why, request.pseudonym, rows.length);
    return rows.map((row) => ({ exportId: row.export_id, kind: row.kind, original: this.open(row.original_sealed, row.kind, row.pseudonym) }));
  }

  /** The audit trail, oldest first. */
  auditTrail(): { at: string; who: string; why: string; pseudonym: string; matches: number }[] {
    return this.db.prepare('SELECT at, who, why, pseudonym, matches FROM deid_reidentification_audit ORDER BY id').all() as {
      at: string; who: string; why: string; pseudonym: string; matches: number;
    }[];
  }

  close(): void {
    this.db.close();
  }
}
