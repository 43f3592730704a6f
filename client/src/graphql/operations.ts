import { gql } from '@urql/core';
import type { TypedDocumentNode } from '@urql/core';
import type {
  AuditEntry,
  CaseConnection,
  CurrentUser,
  FolderChange,
  FolderDetail,
  FolderListItem,
} from './types';

/** Page size for a folder's case list (relay-style `first`). */
export const CASES_PAGE_SIZE = 20;
/** How many audit entries the Audit panel asks for. */
export const AUDIT_ENTRIES_SHOWN = 50;

export const MeQuery: TypedDocumentNode<{ me: CurrentUser }, Record<string, never>> = gql`
  query Me {
    me {
      id
      displayName
      email
      gmcNumber
      isAdmin
      personalFolder {
        id
      }
    }
  }
`;

export const SignInMutation: TypedDocumentNode<
  { signIn: { token: string; user: { id: string; displayName: string } } },
  { email: string; password: string }
> = gql`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) {
      token
      user {
        id
        displayName
      }
    }
  }
`;

export const SignOutMutation: TypedDocumentNode<{ signOut: boolean }, Record<string, never>> = gql`
  mutation SignOut {
    signOut
  }
`;

export const MyFoldersQuery: TypedDocumentNode<{ folders: FolderListItem[] }, Record<string, never>> = gql`
  query MyFolders {
    folders {
      id
      name
      kind
      createdAt
      owner {
        id
        displayName
      }
      cases(first: 1) {
        totalCount
      }
    }
  }
`;

const CaseConnectionFields = gql`
  fragment CaseConnectionFields on CaseConnection {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        title
        status
        heldReason
        missingInstances
        modalities
        submittedAt
      }
    }
  }
`;

export const FolderQuery: TypedDocumentNode<
  { folder: FolderDetail | null },
  { id: string; first: number }
> = gql`
  query Folder($id: ID!, $first: Int!) {
    folder(id: $id) {
      id
      name
      kind
      createdAt
      streamId
      allowedSenders
      owner {
        id
        displayName
      }
      cases(first: $first) {
        ...CaseConnectionFields
      }
    }
  }
  ${CaseConnectionFields}
`;

export const FolderCasesPageQuery: TypedDocumentNode<
  { folder: { id: string; cases: CaseConnection } | null },
  { id: string; first: number; after: string }
> = gql`
  query FolderCasesPage($id: ID!, $first: Int!, $after: String!) {
    folder(id: $id) {
      id
      cases(first: $first, after: $after) {
        ...CaseConnectionFields
      }
    }
  }
  ${CaseConnectionFields}
`;

export const AuditTrailQuery: TypedDocumentNode<
  { auditTrail: AuditEntry[] },
  { streamId: string; first: number }
> = gql`
  query AuditTrail($streamId: String!, $first: Int!) {
    auditTrail(streamId: $streamId, first: $first) {
      position
      streamId
      revision
      type
      at
      actorId
      actorName
      source
      correlationId
      causationId
    }
  }
`;

export const FolderChangedSubscription: TypedDocumentNode<
  { folderChanged: FolderChange },
  Record<string, never>
> = gql`
  subscription FolderChanged {
    folderChanged {
      change
      folder {
        id
        name
        kind
      }
    }
  }
`;

/**
 * Typenames a `folderChanged` event makes stale. The document cache re-runs every
 * active query whose result contained one of these.
 */
export const TYPENAMES_CHANGED_BY_FOLDER_EVENTS = ['Folder', 'AuditEntry'];

export const CreateFolderMutation: TypedDocumentNode<
  { createFolder: FolderListItem },
  { name: string }
> = gql`
  mutation CreateFolder($name: String!) {
    createFolder(name: $name) {
      id
      name
      kind
      createdAt
      owner {
        id
        displayName
      }
      cases(first: 1) {
        totalCount
      }
    }
  }
`;

export const RenameFolderMutation: TypedDocumentNode<
  { renameFolder: { id: string; name: string } },
  { id: string; name: string }
> = gql`
  mutation RenameFolder($id: ID!, $name: String!) {
    renameFolder(id: $id, name: $name) {
      id
      name
    }
  }
`;

export const SignInOptionsQuery: TypedDocumentNode<{ signInOptions: { oidc: boolean } }, Record<string, never>> = gql`
  query SignInOptions {
    signInOptions {
      oidc
    }
  }
`;

export const RestrictFolderSendersMutation: TypedDocumentNode<
  { restrictFolderSenders: { id: string; allowedSenders: string[] | null } },
  { id: string; gmcNumbers: string[] | null }
> = gql`
  mutation RestrictFolderSenders($id: ID!, $gmcNumbers: [String!]) {
    restrictFolderSenders(id: $id, gmcNumbers: $gmcNumbers) {
      id
      allowedSenders
    }
  }
`;
