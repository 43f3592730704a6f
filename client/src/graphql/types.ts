/**
 * TypeScript shapes of the Lightbox GraphQL schema, as far as the client selects them.
 * Keep in step with the server's Pothos schema (the contract lives in the server README).
 */

export type FolderKind = 'PERSONAL' | 'SHARED' | 'UNCLAIMED';

export interface UserSummary {
  id: string;
  displayName: string;
}

export interface CurrentUser extends UserSummary {
  email: string | null;
  gmcNumber: string | null;
  isAdmin: boolean;
  personalFolder: { id: string } | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface CaseSummary {
  id: string;
  title: string;
  status: 'COMPLETE' | 'HELD' | 'PARTIAL';
  heldReason: string | null;
  missingInstances: string[];
  modalities: string[];
  submittedAt: string;
}

export interface CaseConnection {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: CaseSummary }[];
}

export interface FolderListItem {
  id: string;
  name: string;
  kind: FolderKind;
  createdAt: string;
  owner: UserSummary | null;
  cases: { totalCount: number };
}

export interface FolderDetail {
  id: string;
  name: string;
  kind: FolderKind;
  createdAt: string;
  streamId: string;
  owner: UserSummary | null;
  allowedSenders: string[] | null;
  cases: CaseConnection;
}

export interface AuditEntry {
  position: string;
  streamId: string;
  revision: number;
  type: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  source: string;
  correlationId: string;
  causationId: string | null;
}

export interface FolderChange {
  change: string;
  folder: { id: string; name: string; kind: FolderKind };
}
