import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { Writable } from 'node:stream';
import dimse from 'dcmjs-dimse';
import { buildPart10Header } from './part10-header';
import { decidePresentationContext } from './presentation';
import { StoreStatus } from './parse';

dimse.log.setLevel('silent');

const { Scp } = dimse;
const { CEchoResponse, CStoreResponse } = dimse.responses;
const { PresentationContextResult, RejectResult, RejectSource, RejectReason, Status } = dimse.constants;

/** Who is asking for an association. */
export interface AssociationPeer {
  readonly callingAet: string;
  readonly calledAet: string;
  readonly address: string;
}

export type AssociationRejection = 'calling-ae-not-recognized' | 'called-ae-not-recognized' | 'busy' | 'no-reason';

export type AssociationDecision = { readonly accept: true } | { readonly accept: false; readonly reason: AssociationRejection };

/** One C-STORE as received: the full Part 10 file (our meta header + the dataset bytes exactly as sent). */
export interface ReceivedInstance {
  readonly bytes: Buffer;
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly transferSyntaxUid: string;
  readonly callingAet: string;
  readonly calledAet: string;
  readonly peerAddress: string;
  readonly associationId: string;
}

/** What the admin page shows about recent associations. */
export type AssociationEvent =
  | { readonly type: 'opened'; readonly associationId: string; readonly peer: AssociationPeer; readonly at: Date; readonly tls: boolean }
  | {
      readonly type: 'closed';
      readonly associationId: string;
      readonly peer: AssociationPeer;
      readonly at: Date;
      readonly stored: number;
      readonly failed: number;
      readonly bytes: number;
      readonly aborted: boolean;
    }
  | { readonly type: 'rejected'; readonly peer: AssociationPeer; readonly at: Date; readonly reason: AssociationRejection };

export interface StorageScpOptions {
  readonly host?: string;
  /** 0 picks a free port; read the bound one from the result. */
  readonly port: number;
  /** Our AE title; used when `acceptAssociation` is not given (then only this called AE is accepted). */
  readonly aeTitle: string;
  readonly acceptAssociation?: (peer: AssociationPeer) => AssociationDecision | Promise<AssociationDecision>;
  /** Answers the C-STORE. Resolve `{status: 0}` only once the instance is durable; a throw answers 0xA700. */
  readonly store: (received: ReceivedInstance) => Promise<{ status: number }>;
  readonly onAssociationEvent?: (event: AssociationEvent) => void;
  /** DICOM TLS (PS3.15 Annex B.1): PEM file paths. With `caPath`, client certificates are required. */
  readonly tls?: { readonly certPath: string; readonly keyPath: string; readonly caPath?: string };
  /** Associations beyond this many are rejected as transient "local limit exceeded". */
  readonly maxAssociations?: number;
}

export interface RunningStorageScp {
  readonly port: number;
  close(): Promise<void>;
}

const rejectionArguments: Record<AssociationRejection, [number, number, number]> = {
  'calling-ae-not-recognized': [RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CallingAeNotRecognized],
  'called-ae-not-recognized': [RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.CalledAeNotRecognized],
  busy: [RejectResult.Transient, RejectSource.ServiceProviderPresentation, RejectReason.LocalLimitExceeded],
  'no-reason': [RejectResult.Permanent, RejectSource.ServiceUser, RejectReason.NoReasonGiven],
};

/** The received dataset, carried from the PDV stream to `cStoreRequest` in place of a parsed dcmjs Dataset. */
interface RawStoreDataset {
  readonly part10: Buffer;
  readonly transferSyntaxUid: string;
  getTransferSyntaxUid(): string;
}

interface Counters {
  active: number;
}

function scpClass(options: StorageScpOptions, counters: Counters, isTls: boolean) {
  const accept =
    options.acceptAssociation ??
    ((peer: AssociationPeer): AssociationDecision =>
      peer.calledAet === options.aeTitle ? { accept: true } : { accept: false, reason: 'called-ae-not-recognized' });

  return class LightboxStorageScp extends Scp {
    private readonly associationId = randomUUID();
    private peer: AssociationPeer | null = null;
    private opened = false;
    private aborted = false;
    private stored = 0;
    private failed = 0;
    private bytes = 0;

    constructor(socket: net.Socket, opts: unknown) {
      super(socket, opts);
      socket.setNoDelay(true);
      this.on('close', () => this.reportClosed());
    }

    private reportClosed(): void {
      if (!this.opened || !this.peer) return;
      this.opened = false;
      counters.active -= 1;
      options.onAssociationEvent?.({
        type: 'closed',
        associationId: this.associationId,
        peer: this.peer,
        at: new Date(),
        stored: this.stored,
        failed: this.failed,
        bytes: this.bytes,
        aborted: this.aborted,
      });
    }

    associationRequested(association: any): void {
      this.association = association;
      const peer: AssociationPeer = {
        callingAet: String(association.getCallingAeTitle()).trim(),
        calledAet: String(association.getCalledAeTitle()).trim(),
        address: this.socket.remoteAddress ?? '',
      };
      this.peer = peer;
      const limit = options.maxAssociations;
      const decided =
        limit !== undefined && counters.active >= limit ? { accept: false as const, reason: 'busy' as const } : accept(peer);
      void Promise.resolve(decided)
        .catch((): AssociationDecision => ({ accept: false, reason: 'no-reason' }))
        .then((decision) => this.answerAssociation(association, peer, decision));
    }

    private answerAssociation(association: any, peer: AssociationPeer, decision: AssociationDecision): void {
      if (!decision.accept) {
        options.onAssociationEvent?.({ type: 'rejected', peer, at: new Date(), reason: decision.reason });
        this.sendAssociationReject(...rejectionArguments[decision.reason]);
        return;
      }
      for (const { id } of association.getPresentationContexts() as Array<{ id: number }>) {
        const context = association.getPresentationContext(id);
        const result = decidePresentationContext(context.getAbstractSyntaxUid(), context.getTransferSyntaxUids());
        if (result.accept) context.setResult(PresentationContextResult.Accept, result.transferSyntaxUid);
        else if (result.reason === 'abstract-syntax-not-supported') context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
        else context.setResult(PresentationContextResult.RejectTransferSyntaxesNotSupported);
      }
      counters.active += 1;
      this.opened = true;
      options.onAssociationEvent?.({ type: 'opened', associationId: this.associationId, peer, at: new Date(), tls: isTls });
      this.sendAssociationAccept();
    }

    associationReleaseRequested(): void {
      this.sendAssociationReleaseResponse();
    }

    abort(): void {
      this.aborted = true;
      this.socket.end();
    }

    cEchoRequest(request: any, callback: (response: any) => void): void {
      const response = CEchoResponse.fromRequest(request);
      response.setStatus(Status.Success);
      callback(response);
    }

    createStoreWritableStream(): Writable {
      const chunks: Buffer[] = [];
      const stream = new Writable({
        highWaterMark: 2 ** 30,
        write(chunk: Buffer, _encoding, done) {
          chunks.push(Buffer.from(chunk));
          done();
        },
      });
      (stream as Writable & { chunks: Buffer[] }).chunks = chunks;
      return stream;
    }

    createDatasetFromStoreWritableStream(writable: Writable, context: any, callback: (dataset: RawStoreDataset) => void): void {
      const dataset = Buffer.concat((writable as Writable & { chunks: Buffer[] }).chunks);
      const transferSyntaxUid: string = context.getAcceptedTransferSyntaxUid();
      const request = this.dimse;
      const header = buildPart10Header({
        sopClassUid: String(request?.getAffectedSopClassUid() ?? ''),
        sopInstanceUid: String(request?.getAffectedSopInstanceUid() ?? ''),
        transferSyntaxUid,
      });
      callback({ part10: Buffer.concat([header, dataset]), transferSyntaxUid, getTransferSyntaxUid: () => transferSyntaxUid });
    }

    cStoreRequest(request: any, callback: (response: any) => void): void {
      const dataset = request.getDataset() as RawStoreDataset | undefined;
      const respond = (status: number) => {
        if (status === StoreStatus.success) this.stored += 1;
        else this.failed += 1;
        const response = CStoreResponse.fromRequest(request);
        response.setStatus(status);
        callback(response);
      };
      if (!dataset || !this.peer) {
        respond(StoreStatus.cannotUnderstand);
        return;
      }
      this.bytes += dataset.part10.length;
      const received: ReceivedInstance = {
        bytes: dataset.part10,
        sopClassUid: String(request.getAffectedSopClassUid()),
        sopInstanceUid: String(request.getAffectedSopInstanceUid()),
        transferSyntaxUid: dataset.transferSyntaxUid,
        callingAet: this.peer.callingAet,
        calledAet: this.peer.calledAet,
        peerAddress: this.peer.address,
        associationId: this.associationId,
      };
      options
        .store(received)
        .then(({ status }) => respond(status))
        .catch(() => respond(StoreStatus.outOfResources));
    }
  };
}

/**
 * Starts a DICOM Storage SCP (C-ECHO and C-STORE for every storage class). Received datasets are kept
 * byte-for-byte (dcmjs re-encoding drops private tags), wrapped in a Part 10 header and handed to `store`,
 * whose status is the C-STORE answer.
 */
export async function startStorageScp(options: StorageScpOptions): Promise<RunningStorageScp> {
  const counters: Counters = { active: 0 };
  const isTls = options.tls !== undefined;
  const ScpClass = scpClass(options, counters, isTls);
  const opts = { logCommandDatasets: false, logDatasets: false };
  const sockets = new Set<net.Socket>();
  const onSocket = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const scp = new ScpClass(socket, opts);
    scp.connected = true;
    scp.on('networkError', () => socket.destroy());
  };
  const server = options.tls
    ? tls.createServer(
        {
          cert: readFileSync(options.tls.certPath),
          key: readFileSync(options.tls.keyPath),
          ...(options.tls.caPath ? { ca: readFileSync(options.tls.caPath), requestCert: true, rejectUnauthorized: true } : {}),
        },
        onSocket,
      )
    : net.createServer(onSocket);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
