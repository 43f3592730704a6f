import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { buildStowResponse, parseStowRequest, StowRequestError, type StowOutcome } from '../dicom/stow';
import type { EventLog } from '../events/event-log';
import type { RouteHandler } from '../http/http-server';
import type { SendingNodes } from '../nodes/sending-nodes';
import type { InstanceReceiver } from './receive-instance';
import { recordTraffic } from './traffic-log';

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
    const outcomes: StowOutcome[] = [];
    const openedAt = new Date().toISOString();
    let bytes = 0;
    for (const part of parts) {
      bytes += part.bytes.length;
      if (part.contentType !== 'application/dicom') {
        outcomes.push({ kind: 'failed', sopClassUid: null, sopInstanceUid: null, failureReason: 0x0110 });
        continue;
      }
      const outcome = await deps.receiver.receive(Buffer.from(part.bytes), null, channel);
      const studyUid = match[1];
      if (outcome.ok && studyUid && outcome.summary.studyInstanceUid !== studyUid) {
        outcomes.push({ kind: 'stored', sopClassUid: outcome.summary.sopClassUid, sopInstanceUid: outcome.summary.sopInstanceUid, studyInstanceUid: outcome.summary.studyInstanceUid, warningReason: 0xb007 });
      } else if (outcome.ok) {
        outcomes.push({ kind: 'stored', sopClassUid: outcome.summary.sopClassUid, sopInstanceUid: outcome.summary.sopInstanceUid, studyInstanceUid: outcome.summary.studyInstanceUid });
      } else outcomes.push({ kind: 'failed', sopClassUid: null, sopInstanceUid: outcome.sopInstanceUid, failureReason: failureReason(outcome.status) });
    }
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
