import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type Database from 'better-sqlite3';
import { claimDecider, claimStreamId } from '../../domain/accounts/unique-claim';
import { associationAllowed, asNodeId, nodeStreamId, parseAeTitle, sendingNodeDecider, type NodeId } from '../../domain/nodes/sending-node';
import { DomainError } from '../../domain/shared/errors';
import { sendingNodeByAeTitle, sendingNodeById, type SendingNodeRow } from '../../projections/nodes/nodes-queries';
import { handleCommand } from '../commands/handle-command';
import type { CommandContext, EventLog } from '../events/event-log';
import type { ProjectionRunner } from '../projections/runner';

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** STOW-RS token of a node: `lbxn_<node id>_<secret>`; only the secret's SHA-256 is recorded. */
export function parseNodeToken(token: string): { nodeId: NodeId; secret: string } | null {
  const match = /^lbxn_([0-9a-f-]{36})_([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { nodeId: asNodeId(match[1]!), secret: match[2]! } : null;
}

interface Deps {
  log: EventLog;
  readDb: Database.Database;
  runner?: Pick<ProjectionRunner, 'waitFor'>;
}

/** Registered senders (PACS, Export Managers): registration, enabling, and the checks at association and STOW-RS. */
export class SendingNodes {
  private readonly resolved = new Map<string, { addresses: string[]; at: number }>();

  constructor(private readonly deps: Deps) {}

  private async aeClaim(aeTitle: string, holderId: string, release: boolean, context: CommandContext) {
    const at = new Date().toISOString();
    const command = release ? { type: 'ReleaseValue' as const, kind: 'aet' as const, holderId, at } : { type: 'ClaimValue' as const, kind: 'aet' as const, holderId, at };
    await handleCommand(this.deps.log, claimDecider, claimStreamId('aet', aeTitle), command, context);
  }

  /** Registers a node and returns its STOW-RS token (shown once; only its hash is kept). */
  async register(input: { name: string; aeTitle: string; host: string }, context: CommandContext): Promise<{ nodeId: NodeId; token: string }> {
    const nodeId = asNodeId(randomUUID());
    const aeTitle = parseAeTitle(input.aeTitle);
    const secret = randomBytes(32).toString('base64url');
    await this.aeClaim(aeTitle, nodeId, false, context);
    try {
      const { position } = await handleCommand(
        this.deps.log,
        sendingNodeDecider,
        nodeStreamId(nodeId),
        { type: 'RegisterNode', nodeId, name: input.name, aeTitle, host: input.host, tokenHash: hashSecret(secret), at: new Date().toISOString() },
        context,
      );
      await this.deps.runner?.waitFor(position);
    } catch (error) {
      await this.aeClaim(aeTitle, nodeId, true, context);
      throw error;
    }
    return { nodeId, token: `lbxn_${nodeId}_${secret}` };
  }

  async setEnabled(nodeId: string, enabled: boolean, context: CommandContext): Promise<void> {
    const id = asNodeId(nodeId);
    const { position } = await handleCommand(
      this.deps.log,
      sendingNodeDecider,
      nodeStreamId(id),
      { type: enabled ? 'EnableNode' : 'DisableNode', nodeId: id, at: new Date().toISOString() },
      context,
    );
    await this.deps.runner?.waitFor(position);
  }

  async remove(nodeId: string, context: CommandContext): Promise<void> {
    const id = asNodeId(nodeId);
    const { events, position } = await handleCommand(this.deps.log, sendingNodeDecider, nodeStreamId(id), { type: 'RemoveNode', nodeId: id, at: new Date().toISOString() }, context);
    const removed = events.find((e) => e.type === 'NodeRemoved');
    if (removed?.type === 'NodeRemoved') await this.aeClaim(removed.data.aeTitle, id, true, context);
    await this.deps.runner?.waitFor(position);
  }

  /** The node id for an AE title, from the log (for the CLI, which runs no projections). */
  async nodeIdForAeTitle(aeTitle: string): Promise<NodeId | null> {
    const events = await this.deps.log.readStream(claimStreamId('aet', parseAeTitle(aeTitle)));
    const state = events.reduce((s, e) => claimDecider.evolve(s, e as never), claimDecider.initialState());
    return state.holderId ? asNodeId(state.holderId) : null;
  }

  private async addressesOf(host: string): Promise<string[]> {
    if (isIP(host)) return [host];
    const cached = this.resolved.get(host);
    if (cached && Date.now() - cached.at < 60_000) return cached.addresses;
    const addresses = (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
    this.resolved.set(host, { addresses, at: Date.now() });
    return addresses;
  }

  /** Whether a DICOM association from `callingAet` at `peerAddress` may be accepted. */
  async checkAssociation(callingAet: string, peerAddress: string): Promise<{ allowed: true; node: SendingNodeRow } | { allowed: false; reason: string }> {
    let aeTitle: string;
    try {
      aeTitle = parseAeTitle(callingAet);
    } catch {
      return { allowed: false, reason: 'calling AE title is not valid' };
    }
    const node = sendingNodeByAeTitle(this.deps.readDb, aeTitle);
    const verdict = associationAllowed(node && { aeTitle: node.aeTitle, enabled: node.enabled, addresses: await this.addressesOf(node.host) }, peerAddress);
    return verdict.allowed && node ? { allowed: true, node } : { allowed: false, reason: verdict.allowed ? 'unknown node' : verdict.reason };
  }

  /** The enabled node a STOW-RS bearer token belongs to, or null. */
  authenticateStow(token: string): SendingNodeRow | null {
    const parsed = parseNodeToken(token);
    if (!parsed) return null;
    const node = sendingNodeById(this.deps.readDb, parsed.nodeId);
    if (!node || !node.enabled) return null;
    const a = Buffer.from(hashSecret(parsed.secret), 'hex');
    const b = Buffer.from(node.tokenHash, 'hex');
    return a.length === b.length && timingSafeEqual(a, b) ? node : null;
  }
}

export const nodeNotFound = (what: string) => new DomainError('NODE_NOT_FOUND', `no registered node ${what}`);
