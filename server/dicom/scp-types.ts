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
  /** Lower-case hex SHA-256 of `bytes`, computed while the PDVs arrived (the blob store's address). */
  readonly sha256: string;
  readonly sopClassUid: string;
  readonly sopInstanceUid: string;
  readonly transferSyntaxUid: string;
  readonly callingAet: string;
  readonly calledAet: string;
  readonly peerAddress: string;
  readonly associationId: string;
}

/** The C-STORE answer: a DIMSE status and, for a failure, an Error Comment (0000,0902) of up to 64 characters. */
export interface StoreResult {
  readonly status: number;
  readonly errorComment?: string;
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
  readonly store: (received: ReceivedInstance) => Promise<StoreResult>;
  readonly onAssociationEvent?: (event: AssociationEvent) => void;
  /** DICOM TLS (PS3.15 Annex B.1): PEM file paths. With `caPath`, client certificates are required. */
  readonly tls?: { readonly certPath: string; readonly keyPath: string; readonly caPath?: string };
  /** Associations beyond this many are rejected as transient "local limit exceeded". */
  readonly maxAssociations?: number;
  /** Largest P-DATA-TF PDU we accept, announced in the A-ASSOCIATE-AC (default 1 MiB). */
  readonly maxPduLength?: number;
  /** ARTIM timeout (PS3.8 §9.1.5): how long to wait for an A-ASSOCIATE-RQ, or for the peer to close (default 30 s). */
  readonly artimTimeoutMs?: number;
}

export interface RunningStorageScp {
  readonly port: number;
  close(): Promise<void>;
}
