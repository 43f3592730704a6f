import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';

/**
 * Per-person data keys, kept in their own SQLite file outside the event log. Destroying a key
 * (GDPR erasure) makes every personal value sealed with it unreadable, without rewriting the log.
 * `secure_delete` overwrites the deleted key bytes in the file.
 */
export class PersonalKeyStore {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Buffer | null>();

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = DELETE');
    this.db.pragma('secure_delete = ON');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS person_keys (subject_id TEXT PRIMARY KEY, key BLOB NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject_id TEXT PRIMARY KEY, erased_at TEXT NOT NULL);
    `);
  }

  /** The key for a subject, created on first use; null once the subject was erased. */
  keyFor(subjectId: string): Buffer | null {
    const cached = this.cache.get(subjectId);
    if (cached !== undefined) return cached;
    const key = this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM erased_subjects WHERE subject_id = ?').get(subjectId)) return null;
      const row = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM person_keys WHERE subject_id = ?').get(subjectId);
      if (row) return row.key;
      const fresh = randomBytes(32);
      this.db.prepare('INSERT INTO person_keys (subject_id, key) VALUES (?, ?)').run(subjectId, fresh);
      return fresh;
    })();
    this.cache.set(subjectId, key);
    return key;
  }

  /** The key for reading only: never creates one. */
  existingKey(subjectId: string): Buffer | null {
    const cached = this.cache.get(subjectId);
    if (cached !== undefined) return cached;
    const row = this.db.prepare<[string], { key: Buffer }>('SELECT key FROM person_keys WHERE subject_id = ?').get(subjectId);
    return row?.key ?? null;
  }

  /** Destroys the subject's key for good. */
  destroy(subjectId: string, erasedAt: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM person_keys WHERE subject_id = ?').run(subjectId);
      this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject_id, erased_at) VALUES (?, ?)').run(subjectId, erasedAt);
    })();
    this.cache.set(subjectId, null);
  }

  close(): void {
    this.db.close();
  }
}
