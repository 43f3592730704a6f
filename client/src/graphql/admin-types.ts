/** TypeScript shapes of the admin pages: the DICOM receiver's status and the registered senders. */

export interface PendingSubmission {
  id: string;
  status: string;
  purpose: string | null;
  heldReason: string | null;
  manifests: string[];
  expectedCount: number;
  receivedCount: number;
  missing: string[];
  openedAt: string;
  lastActivityAt: string;
}

export interface QuarantinedInstance {
  sopInstanceUid: string;
  sopClassUid: string;
  reasons: string[];
  receivedAt: string;
  callingAet: string;
  peerAddress: string;
  transport: string;
}

export interface DicomAssociation {
  id: string;
  transport: string;
  callingAet: string;
  calledAet: string;
  peerAddress: string;
  outcome: string;
  reason: string | null;
  openedAt: string;
  endedAt: string;
  stored: number;
  failed: number;
  bytes: number;
}

export interface RefusedInstance {
  associationId: string;
  transport: string;
  sopInstanceUid: string | null;
  status: string;
  code: string;
  reason: string;
  at: string;
}

export interface CalledAeRoute {
  aeTitle: string;
  folder: { id: string; name: string } | null;
}

export interface IngestStatus {
  pendingSubmissions: PendingSubmission[];
  quarantined: QuarantinedInstance[];
  recentAssociations: DicomAssociation[];
  refusedInstances: RefusedInstance[];
  calledAeRoutes: CalledAeRoute[];
}

export interface SendingNode {
  id: string;
  name: string;
  aeTitle: string;
  host: string;
  enabled: boolean;
  registeredAt: string;
}
