import { assertNever, type Decider } from '../shared/decider';
import { DomainError } from '../shared/errors';
import type { Brand } from '../shared/ids';

/** A registered sender: a hospital PACS or Export Manager allowed to send to Lightbox over DICOM or STOW-RS. */
export type NodeId = Brand<string, 'NodeId'>;
export const asNodeId = (id: string) => id as NodeId;
export const nodeStreamId = (nodeId: NodeId) => `node-${nodeId}`;

export type SendingNodeEvent =
  | {
      type: 'NodeRegistered';
      data: { nodeId: NodeId; name: string; aeTitle: string; host: string; tokenHash: string; registeredAt: string };
    }
  | { type: 'NodeDisabled'; data: { nodeId: NodeId; at: string } }
  | { type: 'NodeEnabled'; data: { nodeId: NodeId; at: string } }
  | { type: 'NodeRemoved'; data: { nodeId: NodeId; aeTitle: string; at: string } };

export type SendingNodeCommand =
  | { type: 'RegisterNode'; nodeId: NodeId; name: string; aeTitle: string; host: string; tokenHash: string; at: string }
  | { type: 'DisableNode'; nodeId: NodeId; at: string }
  | { type: 'EnableNode'; nodeId: NodeId; at: string }
  | { type: 'RemoveNode'; nodeId: NodeId; at: string };

export type SendingNodeState = { status: 'none' } | { status: 'enabled' | 'disabled'; aeTitle: string } | { status: 'removed' };

/**
 * An AE title is 1–16 characters of the DICOM default repertoire without backslash or control characters;
 * leading and trailing spaces are not significant (PS3.5 §6.2, VR AE). Stored upper-case: PACS admins type
 * them both ways, and matching must not depend on it.
 */
export function parseAeTitle(input: string): string {
  const ae = input.trim().toUpperCase();
  if (!/^[\x20-\x5b\x5d-\x7e]{1,16}$/.test(ae)) {
    throw new DomainError('INVALID_AE_TITLE', `"${input}" is not an AE title: use 1 to 16 printable characters without backslash`);
  }
  return ae;
}

/** A host name or an IPv4/IPv6 address, as the sender's associations will come from. */
export function parseHost(input: string): string {
  const host = input.trim().toLowerCase();
  const ipv4 = /^(\d{1,3})(\.\d{1,3}){3}$/.test(host) && host.split('.').every((p) => Number(p) <= 255);
  const ipv6 = /^[0-9a-f:]+$/.test(host) && host.includes(':');
  const name = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/.test(host);
  if (!ipv4 && !ipv6 && !name) throw new DomainError('INVALID_HOST', `"${input}" is not a host name or IP address`);
  return host;
}

export const sendingNodeDecider: Decider<SendingNodeCommand, SendingNodeEvent, SendingNodeState> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    switch (command.type) {
      case 'RegisterNode': {
        if (state.status !== 'none') throw new DomainError('NODE_EXISTS', `node ${command.nodeId} already exists`);
        const name = command.name.trim();
        if (name.length === 0 || name.length > 100) throw new DomainError('INVALID_NODE_NAME', 'a node name needs 1 to 100 characters');
        return [
          {
            type: 'NodeRegistered',
            data: { nodeId: command.nodeId, name, aeTitle: parseAeTitle(command.aeTitle), host: parseHost(command.host), tokenHash: command.tokenHash, registeredAt: command.at },
          },
        ];
      }
      case 'DisableNode':
      case 'EnableNode': {
        if (state.status === 'none' || state.status === 'removed') throw new DomainError('NODE_NOT_FOUND', `no node ${command.nodeId}`);
        const wanted = command.type === 'DisableNode' ? 'disabled' : 'enabled';
        if (state.status === wanted) return [];
        return [{ type: command.type === 'DisableNode' ? 'NodeDisabled' : 'NodeEnabled', data: { nodeId: command.nodeId, at: command.at } }];
      }
      case 'RemoveNode':
        if (state.status === 'none') throw new DomainError('NODE_NOT_FOUND', `no node ${command.nodeId}`);
        if (state.status === 'removed') return [];
        return [{ type: 'NodeRemoved', data: { nodeId: command.nodeId, aeTitle: state.aeTitle, at: command.at } }];
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case 'NodeRegistered':
        return { status: 'enabled', aeTitle: event.data.aeTitle };
      case 'NodeDisabled':
        return state.status === 'enabled' ? { ...state, status: 'disabled' } : state;
      case 'NodeEnabled':
        return state.status === 'disabled' ? { ...state, status: 'enabled' } : state;
      case 'NodeRemoved':
        return { status: 'removed' };
      default:
        return assertNever(event);
    }
  },
};

export interface RegisteredNodeFacts {
  readonly aeTitle: string;
  readonly enabled: boolean;
  /** Addresses the node's host name resolves to (or the address itself). */
  readonly addresses: readonly string[];
}

/**
 * Whether an association may be accepted: the calling AE title must belong to an enabled registered node
 * and the connection must come from that node's host. IPv4-mapped IPv6 peers (::ffff:a.b.c.d) count as a.b.c.d.
 */
export function associationAllowed(node: RegisteredNodeFacts | null, peerAddress: string): { allowed: true } | { allowed: false; reason: string } {
  if (!node) return { allowed: false, reason: 'calling AE title is not registered' };
  if (!node.enabled) return { allowed: false, reason: `node ${node.aeTitle} is disabled` };
  const peer = peerAddress.replace(/^::ffff:/, '');
  if (!node.addresses.some((a) => a.replace(/^::ffff:/, '') === peer)) {
    return { allowed: false, reason: `node ${node.aeTitle} must connect from its registered host, not ${peer}` };
  }
  return { allowed: true };
}
