import { gql } from '@urql/core';
import type { TypedDocumentNode } from '@urql/core';
import type { IngestStatus, SendingNode } from './admin-types';

export const IngestStatusQuery: TypedDocumentNode<{ ingestStatus: IngestStatus }, Record<string, never>> = gql`
  query IngestStatus {
    ingestStatus {
      pendingSubmissions {
        id
        status
        purpose
        heldReason
        manifests
        expectedCount
        receivedCount
        missing
        openedAt
        lastActivityAt
      }
      quarantined {
        sopInstanceUid
        sopClassUid
        reasons
        receivedAt
        callingAet
        peerAddress
        transport
      }
      recentAssociations {
        id
        transport
        callingAet
        calledAet
        peerAddress
        outcome
        reason
        openedAt
        endedAt
        stored
        failed
        bytes
      }
      refusedInstances {
        associationId
        transport
        sopInstanceUid
        status
        code
        reason
        at
      }
      calledAeRoutes {
        aeTitle
        folder {
          id
          name
        }
      }
    }
  }
`;

export const IngestChangedSubscription: TypedDocumentNode<{ ingestChanged: string }, Record<string, never>> = gql`
  subscription IngestChanged {
    ingestChanged
  }
`;

export const SetCalledAeRouteMutation: TypedDocumentNode<
  { setCalledAeRoute: boolean },
  { aeTitle: string; folderId: string | null }
> = gql`
  mutation SetCalledAeRoute($aeTitle: String!, $folderId: ID) {
    setCalledAeRoute(aeTitle: $aeTitle, folderId: $folderId)
  }
`;

const SendingNodeFields = gql`
  fragment SendingNodeFields on SendingNode {
    id
    name
    aeTitle
    host
    enabled
    registeredAt
  }
`;

export const SendingNodesQuery: TypedDocumentNode<{ sendingNodes: SendingNode[] }, Record<string, never>> = gql`
  query SendingNodes {
    sendingNodes {
      ...SendingNodeFields
    }
  }
  ${SendingNodeFields}
`;

export const AddSendingNodeMutation: TypedDocumentNode<
  { addSendingNode: { node: SendingNode; stowToken: string } },
  { name: string; aeTitle: string; host: string }
> = gql`
  mutation AddSendingNode($name: String!, $aeTitle: String!, $host: String!) {
    addSendingNode(name: $name, aeTitle: $aeTitle, host: $host) {
      node {
        ...SendingNodeFields
      }
      stowToken
    }
  }
  ${SendingNodeFields}
`;

export const SetSendingNodeEnabledMutation: TypedDocumentNode<
  { setSendingNodeEnabled: SendingNode },
  { id: string; enabled: boolean }
> = gql`
  mutation SetSendingNodeEnabled($id: ID!, $enabled: Boolean!) {
    setSendingNodeEnabled(id: $id, enabled: $enabled) {
      ...SendingNodeFields
    }
  }
  ${SendingNodeFields}
`;

export const RemoveSendingNodeMutation: TypedDocumentNode<{ removeSendingNode: boolean }, { id: string }> = gql`
  mutation RemoveSendingNode($id: ID!) {
    removeSendingNode(id: $id)
  }
`;

/** The sending-node list re-runs after any node mutation, even one that returns only a Boolean. */
export const sendingNodeMutationContext = { additionalTypenames: ['SendingNode'] };
/** The ingest status re-runs after a route change (the mutation returns only a Boolean). */
export const calledAeRouteMutationContext = { additionalTypenames: ['IngestStatus', 'CalledAeRoute'] };

export const ReleaseQuarantinedMutation: TypedDocumentNode<{ releaseQuarantined: boolean }, { sopInstanceUid: string }> = gql`
  mutation ReleaseQuarantined($sopInstanceUid: String!) {
    releaseQuarantined(sopInstanceUid: $sopInstanceUid)
  }
`;

export const DeleteQuarantinedMutation: TypedDocumentNode<{ deleteQuarantined: boolean }, { sopInstanceUid: string; reason: string }> = gql`
  mutation DeleteQuarantined($sopInstanceUid: String!, $reason: String!) {
    deleteQuarantined(sopInstanceUid: $sopInstanceUid, reason: $reason)
  }
`;
