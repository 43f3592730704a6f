import { createHash, randomUUID, type Hash } from 'node:crypto';
import type net from 'node:net';
import { buildPart10Header } from '../part10-header';
import { StoreStatus } from '../parse';
import type { AssociationDecision, AssociationPeer, ReceivedInstance, StorageScpOptions, StoreResult } from '../scp-types';
import { ChunkQueue } from './chunk-queue';
import { CommandField, decodeCommand, encodeResponse, STATUS_UNRECOGNIZED_OPERATION, type DimseCommand, type DimseResponse } from './dimse';
import { UpperLayerError } from './errors';
import { acceptAssociation, rejectAssociation, rejectMalformedRequest, type AcceptedContext } from './negotiation';
import { decodeAssociateRequest, decodePData, encodeAbort, encodePData, encodeReleaseResponse, PduType, type Pdv } from './pdu';

export interface AssociationSettings {
  readonly options: StorageScpOptions;
  readonly slots: { active: number };
  readonly isTls: boolean;
}

type Phase = 'awaiting-request' | 'deciding' | 'established' | 'releasing' | 'closing';

/** A C-STORE whose dataset PDVs are arriving: hashed and kept as slices of the received chunks. */
interface IncomingInstance {
  readonly command: DimseCommand;
  readonly contextId: number;
  readonly context: AcceptedContext;
  readonly parts: Buffer[];
  readonly hash: Hash | null;
  size: number;
}

const ASSOCIATE_RQ_LIMIT = 1 << 20;
const PAUSE_AT_PENDING = 4;

/**
 * One association of the Storage SCP, from TCP connect to close (the acceptor side of the PS3.8 state
 * machine). PDUs are cut from a chunk queue as soon as they are complete; dataset PDVs of a C-STORE are hashed
 * and collected as they arrive, and the instance is handed to `store` when the last fragment is in.
 * Responses leave in request order. Any protocol violation ends the association with an A-ABORT.
 */
export class StorageAssociation {
  private readonly id = randomUUID();
  private readonly queue = new ChunkQueue();
  private phase: Phase = 'awaiting-request';
  private artim: NodeJS.Timeout | null = null;
  private peer: AssociationPeer | null = null;
  private contexts = new Map<number, AcceptedContext>();
  private peerMaxPdu = 0;
  private readonly maxPdu: number;
  private commandParts: Buffer[] = [];
  private incoming: IncomingInstance | null = null;
  private responses: Promise<void> = Promise.resolve();
  private pending = 0;
  private opened = false;
  private released = false;
  private counts = { stored: 0, failed: 0, bytes: 0 };

  constructor(
    private readonly socket: net.Socket,
    private readonly settings: AssociationSettings,
  ) {
    this.maxPdu = settings.options.maxPduLength ?? 1 << 20;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => this.closed());
    this.startArtim();
  }

  private startArtim(): void {
    this.stopArtim();
    this.artim = setTimeout(() => this.socket.destroy(), this.settings.options.artimTimeoutMs ?? 30_000);
    this.artim.unref();
  }

  private stopArtim(): void {
    if (this.artim) clearTimeout(this.artim);
    this.artim = null;
  }

  private receive(chunk: Buffer): void {
    this.queue.push(chunk);
    try {
      this.drain();
    } catch (error) {
      this.abort(error instanceof UpperLayerError ? error.abortReason : 0);
    }
  }

  private drain(): void {
    while (this.queue.length >= 6 && this.phase !== 'deciding' && this.phase !== 'closing') {
      const type = this.queue.byteAt(0);
      const length = this.queue.uint32At(2);
      if (type < PduType.associateRq || type > PduType.abort) throw new UpperLayerError('UL_UNRECOGNIZED_PDU', `PDU type 0x${type.toString(16)}`);
      const limit = type === PduType.associateRq ? ASSOCIATE_RQ_LIMIT : type === PduType.pData ? this.maxPdu : 64;
      if (length > limit) throw new UpperLayerError('UL_PDU_TOO_LONG', `PDU of ${length} bytes exceeds ${limit}`);
      if (this.queue.length < 6 + length) return;
      this.queue.take(6);
      this.onPdu(type, this.queue.take(length));
    }
  }

  private onPdu(type: number, body: Buffer[]): void {
    if (type === PduType.abort) {
      this.socket.destroy();
      this.phase = 'closing';
      return;
    }
    if (type === PduType.associateRq && this.phase === 'awaiting-request') return this.onAssociateRequest(Buffer.concat(body));
    if (type === PduType.pData && this.phase === 'established') {
      for (const pdv of decodePData(body)) this.onPdv(pdv);
      return;
    }
    if (type === PduType.releaseRq && this.phase === 'established') {
      this.phase = 'releasing';
      this.released = true;
      void this.responses.then(() => this.finish([encodeReleaseResponse()]));
      return;
    }
    throw new UpperLayerError('UL_UNEXPECTED_PDU', `PDU type 0x${type.toString(16)} in phase ${this.phase}`);
  }

  private onAssociateRequest(body: Buffer): void {
    this.stopArtim();
    const request = decodeAssociateRequest(body);
    const peer: AssociationPeer = { callingAet: request.callingAet, calledAet: request.calledAet, address: this.socket.remoteAddress ?? '' };
    this.peer = peer;
    const malformed = rejectMalformedRequest(request);
    if (malformed) return this.finish([malformed]);
    this.phase = 'deciding';
    const { options, slots } = this.settings;
    const full = options.maxAssociations !== undefined && slots.active >= options.maxAssociations;
    slots.active += 1;
    const accept =
      options.acceptAssociation ??
      ((p: AssociationPeer): AssociationDecision => (p.calledAet === options.aeTitle ? { accept: true } : { accept: false, reason: 'called-ae-not-recognized' }));
    void Promise.resolve()
      .then(() => (full ? { accept: false as const, reason: 'busy' as const } : accept(peer)))
      .catch((): AssociationDecision => ({ accept: false, reason: 'no-reason' }))
      .then((decision) => {
        if (this.phase !== 'deciding') {
          slots.active -= 1;
          return;
        }
        if (!decision.accept) {
          slots.active -= 1;
          options.onAssociationEvent?.({ type: 'rejected', peer, at: new Date(), reason: decision.reason });
          return this.finish([rejectAssociation(decision.reason)]);
        }
        const answer = acceptAssociation(request, this.maxPdu);
        this.contexts = answer.contexts;
        this.peerMaxPdu = request.maxPduLength;
        this.opened = true;
        this.phase = 'established';
        options.onAssociationEvent?.({ type: 'opened', associationId: this.id, peer, at: new Date(), tls: this.settings.isTls });
        this.socket.write(answer.pdu);
        this.receive(Buffer.alloc(0));
      });
  }

  private onPdv(pdv: Pdv): void {
    const context = this.contexts.get(pdv.contextId);
    if (!context) throw new UpperLayerError('UL_UNKNOWN_PRESENTATION_CONTEXT', `presentation context ${pdv.contextId} was not accepted`);
    if (pdv.isCommand) {
      if (this.incoming) throw new UpperLayerError('UL_UNEXPECTED_PDU', 'a command PDV arrived inside a dataset');
      this.commandParts.push(...pdv.value);
      if (pdv.isLast) {
        const command = decodeCommand(Buffer.concat(this.commandParts));
        this.commandParts = [];
        this.onCommand(command, pdv.contextId, context);
      }
      return;
    }
    const incoming = this.incoming;
    if (!incoming || incoming.contextId !== pdv.contextId) throw new UpperLayerError('UL_UNEXPECTED_PDU', 'a dataset PDV without its command');
    for (const slice of pdv.value) {
      incoming.hash?.update(slice);
      incoming.parts.push(slice);
      incoming.size += slice.length;
    }
    if (pdv.isLast) {
      this.incoming = null;
      this.onDataset(incoming);
    }
  }

  private onCommand(command: DimseCommand, contextId: number, context: AcceptedContext): void {
    const isStore = command.commandField === CommandField.cStoreRq;
    if (command.hasDataset) {
      const header = isStore
        ? buildPart10Header({ sopClassUid: command.affectedSopClassUid, sopInstanceUid: command.affectedSopInstanceUid, transferSyntaxUid: context.transferSyntaxUid })
        : null;
      this.incoming = { command, contextId, context, parts: header ? [header] : [], hash: header ? createHash('sha256').update(header) : null, size: header?.length ?? 0 };
      return;
    }
    if (command.commandField === CommandField.cEchoRq) {
      this.respond(contextId, async () => ({ status: 0 }), command, CommandField.cEchoRsp);
    } else {
      this.respond(contextId, async () => ({ status: STATUS_UNRECOGNIZED_OPERATION }), command, command.commandField | 0x8000);
    }
  }

  private onDataset(incoming: IncomingInstance): void {
    const { command, contextId, context } = incoming;
    if (command.commandField !== CommandField.cStoreRq || !incoming.hash || !this.peer) {
      this.respond(contextId, async () => ({ status: STATUS_UNRECOGNIZED_OPERATION }), command, command.commandField | 0x8000);
      return;
    }
    const bytes = Buffer.concat(incoming.parts, incoming.size);
    const received: ReceivedInstance = {
      bytes,
      sha256: incoming.hash.digest('hex'),
      sopClassUid: command.affectedSopClassUid,
      sopInstanceUid: command.affectedSopInstanceUid,
      transferSyntaxUid: context.transferSyntaxUid,
      callingAet: this.peer.callingAet,
      calledAet: this.peer.calledAet,
      peerAddress: this.peer.address,
      associationId: this.id,
    };
    this.counts.bytes += bytes.length;
    const store = async (): Promise<StoreResult> => {
      const result = await this.settings.options.store(received).catch((error: Error) => ({ status: StoreStatus.outOfResources, errorComment: error.message }));
      if (result.status === StoreStatus.success) this.counts.stored += 1;
      else this.counts.failed += 1;
      return result;
    };
    this.respond(contextId, store, command, CommandField.cStoreRsp);
  }

  /** Runs `work` now and sends its response after every earlier one (PS3.7: responses in request order). */
  private respond(contextId: number, work: () => Promise<StoreResult>, command: DimseCommand, commandField: number): void {
    const result = work();
    this.pending += 1;
    if (this.pending >= PAUSE_AT_PENDING) this.socket.pause();
    this.responses = this.responses.then(async () => {
      const { status, errorComment } = await result;
      this.pending -= 1;
      if (this.socket.isPaused() && this.pending < PAUSE_AT_PENDING) this.socket.resume();
      const response: DimseResponse = {
        commandField,
        messageIdBeingRespondedTo: command.messageId,
        affectedSopClassUid: command.affectedSopClassUid,
        ...(command.affectedSopInstanceUid ? { affectedSopInstanceUid: command.affectedSopInstanceUid } : {}),
        status,
        ...(errorComment ? { errorComment } : {}),
      };
      if (!this.socket.destroyed && this.phase !== 'closing') this.socket.write(Buffer.concat(encodePData(contextId, true, encodeResponse(response), this.peerMaxPdu)));
    });
  }

  /** Sends a last PDU (A-ASSOCIATE-RJ, A-RELEASE-RP, A-ABORT), half-closes, and lets ARTIM end a peer that lingers. */
  private finish(pdus: Buffer[]): void {
    if (this.phase === 'closing') return;
    this.phase = 'closing';
    this.queue.clear();
    if (!this.socket.destroyed) this.socket.end(Buffer.concat(pdus));
    this.startArtim();
  }

  private abort(reason: number): void {
    this.finish([encodeAbort(2, reason)]);
  }

  private closed(): void {
    this.stopArtim();
    this.phase = 'closing';
    const peer = this.peer;
    if (!this.opened || !peer) return;
    this.opened = false;
    this.settings.slots.active -= 1;
    void this.responses.then(() =>
      this.settings.options.onAssociationEvent?.({ type: 'closed', associationId: this.id, peer, at: new Date(), ...this.counts, aborted: !this.released }),
    );
  }
}
