import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type Database from 'better-sqlite3';
import { DomainError } from '../../domain/shared/errors';
import { asSubmissionId } from '../../domain/tce/submission-types';
import type { BlobStore, Sha256 } from '../dicom/blob-store';
import { parseDicomInstance } from '../dicom/parse';
import type { CommandContext } from '../events/event-log';
import type { TceInboxWriter } from './receive-instance';

interface QuarantineRecord {
  sha256: string;
  calling_aet: string;
  peer_address: string;
  transport: 'dimse' | 'stow-rs';
}

/** Admin decisions on quarantined objects: let one in after checking it, or delete it for good (bytes included). */
export class Quarantine {
  constructor(
    private readonly readDb: Database.Database,
    private readonly blobs: BlobStore,
    private readonly inbox: TceInboxWriter,
  ) {}

  private record(sopInstanceUid: string): QuarantineRecord {
    const row = this.readDb
      .prepare<[string], QuarantineRecord>('SELECT sha256, calling_aet, peer_address, transport FROM tce_quarantine WHERE sop_instance_uid = ?')
      .get(sopInstanceUid);
    if (!row) throw new DomainError('NOT_QUARANTINED', `${sopInstanceUid} is not in quarantine`);
    return row;
  }

  async release(sopInstanceUid: string, adminId: string, context: CommandContext): Promise<bigint | null> {
    const row = this.record(sopInstanceUid);
    const summary = parseDicomInstance(await this.blobs.get(row.sha256 as Sha256));
    const { position } = await this.inbox.execute(
      {
        type: 'ReleaseQuarantined',
        data: {
          summary,
          sha256: row.sha256,
          channel: { transport: row.transport, associationId: `quarantine-release-${sopInstanceUid}`, callingAet: row.calling_aet, calledAet: '', peerAddress: row.peer_address },
          releasedBy: adminId,
          at: new Date().toISOString(),
          newSubmissionId: asSubmissionId(randomUUID()),
        },
      },
      context,
    );
    return position;
  }

  /** Records the deletion, then removes the bytes (content-addressed: only this object had exactly them). */
  async delete(sopInstanceUid: string, adminId: string, reason: string, context: CommandContext): Promise<bigint | null> {
    const row = this.record(sopInstanceUid);
    const { position } = await this.inbox.execute(
      { type: 'DeleteQuarantined', data: { sopInstanceUid: sopInstanceUid as never, deletedBy: adminId, reason, at: new Date().toISOString() } },
      context,
    );
    const stillUsed = this.readDb.prepare('SELECT 1 FROM tce_instances WHERE sha256 = ?').get(row.sha256);
    if (!stillUsed) await rm(this.blobs.path(row.sha256 as Sha256), { force: true });
    return position;
  }
}
