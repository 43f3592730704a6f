import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { buildStowResponse, parseStowRequest, StowRequestError, type StowOutcome, type StowPart } from '../dicom/stow';
import type { ArrivalChannel } from '../../domain/tce/submission-types';
import type { EventLog } from '../events/event-log';
import type { RouteHandler } from '../http/http-server';
import type { SendingNodes } from '../nodes/sending-nodes';
import type { InstanceReceiver } from './receive-instance';
import { recordTraffic } from './traffic-log';

/** Instances of one request stored at once: their blob syncs overlap and their events share group commits. */
const STOW_CONCURRENCY = 8;

/** Runs `work` over `items` with at most `limit` at a time; results keep the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function storePart(receiver: InstanceReceiver, part: StowPart, channel: ArrivalChannel, studyUid: string | null): Promise<StowOutcome> {
  if (part.contentType !== 'application/dicom') return { kind: 'failed', sopClassUid: null, sopInstanceUid: null, failureReason: 0x0110 };
  const outcome = await receiver.receive(Buffer.from(part.bytes), null, channel);
  if (!outcome.ok) return { kind: 'failed', sopClassUid: null, sopInstanceUid: outcome.sopInstanceUid, failureReason: failureReason(outcome.status) };
  const { sopClassUid, sopInstanceUid, studyInstanceUid } = outcome.summary;
  const stored = { kind: 'stored' as const, sopClassUid, sopInstanceUid, studyInstanceUid };
  /** B007: stored, but the instance belongs to another study than the request URL names (PS3.18 §10.5.3). */
  return studyUid && studyInstanceUid !== studyUid ? { ...stored, warningReason: 0xb007 } : stored;
}

/** PS3.18 Failure Reason for an instance that could not be stored: processing failure (0x0110) or the DIMSE status. */
const failureReason = (status: number) => (status === 0xa700 ? 0xa700 : status === 0xa900 ? 0xa900 : status === 0xc000 ? 0xc000 : 0x0110);

function reply(res: ServerResponse, status: number, body: unknown, type = 'application/dicom+json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** STOW-RS `POST /dicomweb/studies[/{study}]` for registered nodes, authenticated by the node's bearer token. */
export function stowRoute(deps: { nodes: SendingNodes; receiver: InstanceReceiver; log: EventLog; publicUrl: string; maxBytes: number; ourAet: string }): RouteHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const match = /^\/dicomweb\/studies(?:\/([0-9.]+))?\/?$/.exec(url.pathname);
    if (!match) return false;
    if (req.method !== 'POST') {
      reply(res, 405, `${req.method} ${url.pathname} is not supported: STOW-RS takes POST\n`, 'text/plain; charset=utf-8');
      return true;
    }
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const node = token ? deps.nodes.authenticateStow(token) : null;
    if (!node) {
      res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8', 'www-authenticate': 'Bearer realm="lightbox-dicomweb"' });
      res.end('A registered node token is required: Authorization: Bearer <token from "lightbox node add">\n');
      return true;
    }
    let parts;
    try {
      parts = await parseStowRequest(req.headers['content-type'], req, deps.maxBytes);
    } catch (error) {
      if (error instanceof StowRequestError) {
        reply(res, error.status, `${error.message}\n`, 'text/plain; charset=utf-8');
        if (error.status === 413) req.resume();
        return true;
      }
      throw error;
    }
    const associationId = randomUUID();
    const channel = { transport: 'stow-rs' as const, associationId, callingAet: node.aeTitle, calledAet: deps.ourAet, peerAddress: req.socket.remoteAddress ?? '' };
    const openedAt = new Date().toISOString();
    const bytes = parts.reduce((sum, part) => sum + part.bytes.length, 0);
    const outcomes = await mapConcurrently(parts, STOW_CONCURRENCY, (part) => storePart(deps.receiver, part, channel, match[1] ?? null));
    const stored = outcomes.filter((o) => o.kind === 'stored').length;
    await recordTraffic(
      deps.log,
      {
        type: 'AssociationEnded',
        data: { associationId, transport: 'stow-rs', callingAet: node.aeTitle, calledAet: deps.ourAet, peerAddress: channel.peerAddress, nodeId: node.id, openedAt, endedAt: new Date().toISOString(), stored, failed: outcomes.length - stored, bytes, aborted: false },
      },
      { actorId: null, source: 'dicomweb', correlationId: associationId, causationId: null },
    ).catch(() => {});
    const response = buildStowResponse(outcomes, `${deps.publicUrl}/dicomweb`);
    reply(res, response.status, response.body);
    return true;
  };
}
