import { randomUUID } from 'node:crypto';
import type { DicomInstanceSummary } from '../../domain/dicom/instance-summary';
import { DomainError } from '../../domain/shared/errors';
import { asSubmissionId, type ArrivalChannel, type TceInboxCommand, type TceInboxEvent, type TceInboxState } from '../../domain/tce/submission-types';
import type { HotStreamWriter } from '../commands/hot-stream-writer';
import type { BlobStore } from '../dicom/blob-store';
import { parseDicomInstance, parseStoredInstance, StoreStatus, storeStatusForError, type StoreCommandIdentity } from '../dicom/parse';
import type { EventLog } from '../events/event-log';
import { recordTraffic } from './traffic-log';

export type ReceiveOutcome =
  | { readonly ok: true; readonly summary: DicomInstanceSummary; readonly events: readonly TceInboxEvent[] }
  | { readonly ok: false; readonly status: number; readonly code: string; readonly reason: string; readonly sopInstanceUid: string | null };

export type TceInboxWriter = HotStreamWriter<TceInboxCommand, TceInboxEvent, TceInboxState>;

/**
 * Accepts one received DICOM object, from C-STORE or STOW-RS alike: parse once, store the bytes verbatim in the
 * blob store (durable), stage it in the TCE inbox (durable). Success only after both. A refusal is recorded
 * in the traffic log with its reason; nothing already stored is touched.
 */
export class InstanceReceiver {
  constructor(
    private readonly log: EventLog,
    private readonly blobs: BlobStore,
    private readonly inbox: TceInboxWriter,
  ) {}

  /** `sha256`, when the transport computed it while the bytes arrived, is the digest of `bytes` (saves hashing twice). */
  async receive(bytes: Buffer, announced: StoreCommandIdentity | null, channel: ArrivalChannel, sha256?: string): Promise<ReceiveOutcome> {
    const context = { actorId: null, source: channel.transport === 'dimse' ? 'dicom' : 'dicomweb', correlationId: channel.associationId, causationId: null };
    try {
      const summary = announced ? parseStoredInstance(bytes, announced) : parseDicomInstance(bytes);
      const sha = await this.blobs.put(bytes, sha256);
      const { events } = await this.inbox.execute(
        { type: 'StageInstance', data: { summary, sha256: sha, receivedAt: new Date().toISOString(), channel, newSubmissionId: asSubmissionId(randomUUID()) } },
        context,
      );
      return { ok: true, summary, events };
    } catch (error) {
      const status = storeStatusForError(error);
      const code = error instanceof DomainError ? error.code : 'STORE_FAILED';
      const reason = (error as Error).message;
      if (status === StoreStatus.outOfResources) console.error(`storing ${announced?.sopInstanceUid ?? 'an instance'} failed:`, error);
      const sopInstanceUid = announced?.sopInstanceUid ?? null;
      await recordTraffic(
        this.log,
        { type: 'InstanceRefused', data: { associationId: channel.associationId, transport: channel.transport, sopInstanceUid, status, code, reason, at: new Date().toISOString() } },
        context,
      ).catch((e: Error) => console.error('could not record a refused instance:', e.message));
      return { ok: false, status, code, reason, sopInstanceUid };
    }
  }
}
