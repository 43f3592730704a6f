/** TypeScript shapes of a teaching case, as far as the case page selects them. */
import type { FolderKind } from './types';

export type CaseStatus = 'COMPLETE' | 'HELD' | 'PARTIAL';

export interface CaseAuthor {
  name: string;
  gmcNumber: string | null;
  affiliation: string[];
  contact: string[];
}

export interface CaseInstance {
  sopInstanceUid: string;
  sopClassUid: string;
  kind: string;
  instanceNumber: number | null;
  numberOfFrames: number | null;
  rows: number | null;
  columns: number | null;
}

export interface CaseSeries {
  studyInstanceUid: string;
  studyDate: string | null;
  seriesInstanceUid: string;
  modality: string | null;
  seriesNumber: number | null;
  description: string | null;
  bodyPart: string | null;
  instanceCount: number;
  instances: CaseInstance[];
}

export interface RoutingStep {
  rule: string;
  outcome: string;
  detail: string;
}

export interface CaseDetail {
  id: string;
  streamId: string;
  title: string;
  status: CaseStatus;
  heldReason: string | null;
  missingInstances: string[];
  purpose: string;
  abstract: string | null;
  history: string | null;
  findings: string | null;
  differentialDiagnosis: string[];
  diagnosis: string | null;
  discussion: string | null;
  anatomy: string[];
  pathology: string[];
  organSystem: string[];
  keywords: string[];
  category: string | null;
  level: string | null;
  diagnosisConfirmed: string[];
  otherTeachingItems: { name: string; value: string }[];
  author: CaseAuthor | null;
  submitterNote: string | null;
  sender: {
    transport: string;
    callingAet: string;
    calledAet: string;
    peerAddress: string;
    node: { id: string; name: string } | null;
  };
  routing: { rule: string; reason: string; steps: RoutingStep[] };
  modalities: string[];
  bodyParts: string[];
  pixelReviewInstances: string[];
  phiWarnings: string[];
  submittedAt: string;
  updatedAt: string;
  canClaim: boolean;
  folder: { id: string; name: string; kind: FolderKind } | null;
  series: CaseSeries[];
}
