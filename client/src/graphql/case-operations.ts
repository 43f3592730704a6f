import { gql } from '@urql/core';
import type { TypedDocumentNode } from '@urql/core';
import type { CaseDetail } from './case-types';
import type { FolderListItem } from './types';

const CaseDetailFields = gql`
  fragment CaseDetailFields on Case {
    id
    streamId
    title
    status
    heldReason
    missingInstances
    purpose
    abstract
    history
    findings
    differentialDiagnosis
    diagnosis
    discussion
    anatomy
    pathology
    organSystem
    keywords
    category
    level
    diagnosisConfirmed
    otherTeachingItems {
      name
      value
    }
    author {
      name
      gmcNumber
      affiliation
      contact
    }
    submitterNote
    sender {
      transport
      callingAet
      calledAet
      peerAddress
      node {
        id
        name
      }
    }
    routing {
      rule
      reason
      steps {
        rule
        outcome
        detail
      }
    }
    modalities
    bodyParts
    pixelReviewInstances
    phiWarnings
    submittedAt
    updatedAt
    canClaim
    folder {
      id
      name
      kind
    }
    series {
      studyInstanceUid
      studyDate
      seriesInstanceUid
      modality
      seriesNumber
      description
      bodyPart
      instanceCount
      instances {
        sopInstanceUid
        sopClassUid
        kind
        instanceNumber
        numberOfFrames
        rows
        columns
      }
    }
  }
`;

export const CaseQuery: TypedDocumentNode<{ case: CaseDetail | null }, { id: string }> = gql`
  query Case($id: ID!) {
    case(id: $id) {
      ...CaseDetailFields
    }
  }
  ${CaseDetailFields}
`;

/** Only the id: the event makes cached cases stale and the case query re-runs (see CaseChangeListener). */
export const CaseChangedSubscription: TypedDocumentNode<
  { caseChanged: { id: string; status: CaseDetail['status']; title: string } },
  { id: string }
> = gql`
  subscription CaseChanged($id: ID!) {
    caseChanged(id: $id) {
      id
      title
      status
    }
  }
`;

/** Typenames a `caseChanged` event makes stale. */
export const TYPENAMES_CHANGED_BY_CASE_EVENTS = ['Case', 'AuditEntry', 'Folder'];

export const ClaimCaseMutation: TypedDocumentNode<
  { claimCase: { id: string; canClaim: boolean; folder: { id: string; name: string } | null } },
  { id: string; folderId?: string | null }
> = gql`
  mutation ClaimCase($id: ID!, $folderId: ID) {
    claimCase(id: $id, folderId: $folderId) {
      id
      canClaim
      folder {
        id
        name
      }
    }
  }
`;

/** Folders a case can be filed into (the claim picker). */
export const ClaimTargetFoldersQuery: TypedDocumentNode<{ folders: Pick<FolderListItem, 'id' | 'name' | 'kind' | 'owner'>[] }, Record<string, never>> = gql`
  query ClaimTargetFolders {
    folders {
      id
      name
      kind
      owner {
        id
        displayName
      }
    }
  }
`;
