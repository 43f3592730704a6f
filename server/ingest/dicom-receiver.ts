import type { AssociationEvent, AssociationPeer, RunningStorageScp } from '../dicom/scp';
import { startStorageScp } from '../dicom/scp';
import type { EventLog } from '../events/event-log';
import type { SendingNodes } from '../nodes/sending-nodes';
import type { InstanceReceiver } from './receive-instance';
import { recordTraffic } from './traffic-log';

interface DicomReceiverOptions {
  host: string;
  port: number;
  aeTitle: string;
  /** Called AE titles besides our own that are routed to folders (tce.md §6 rule 2). */
  routedCalledAets: () => ReadonlySet<string>;
  nodes: SendingNodes;
  receiver: InstanceReceiver;
  log: EventLog;
  tls?: { certPath: string; keyPath: string; caPath?: string };
}

/**
 * The TCE receiver's DICOM side: a Storage SCP that accepts associations only from enabled registered nodes
 * calling our AE title (or a routed one), stores every C-STORE through the instance receiver, and records each
 * association in the traffic log.
 */
export async function startDicomReceiver(options: DicomReceiverOptions): Promise<RunningStorageScp> {
  const nodeOf = new Map<string, string>();
  const context = (id: string) => ({ actorId: null, source: 'dicom', correlationId: id, causationId: null });

  const accept = async (peer: AssociationPeer) => {
    const called = peer.calledAet.trim().toUpperCase();
    const refuse = async (reason: string, answer: 'calling-ae-not-recognized' | 'called-ae-not-recognized') => {
      await recordTraffic(
        options.log,
        { type: 'AssociationRefused', data: { callingAet: peer.callingAet, calledAet: peer.calledAet, peerAddress: peer.address, reason, at: new Date().toISOString() } },
        context(crypto.randomUUID()),
      ).catch(() => {});
      return { accept: false as const, reason: answer };
    };
    if (called !== options.aeTitle.toUpperCase() && !options.routedCalledAets().has(called)) {
      return refuse(`called AE title ${peer.calledAet} is not ours`, 'called-ae-not-recognized');
    }
    const verdict = await options.nodes.checkAssociation(peer.callingAet, peer.address);
    if (!verdict.allowed) return refuse(verdict.reason, 'calling-ae-not-recognized');
    nodeOf.set(`${peer.callingAet.trim().toUpperCase()}|${peer.address}`, verdict.node.id);
    return { accept: true as const };
  };

  const opened = new Map<string, Date>();
  const onAssociationEvent = (event: AssociationEvent) => {
    if (event.type === 'opened') opened.set(event.associationId, event.at);
    if (event.type !== 'closed') return;
    const openedAt = opened.get(event.associationId) ?? event.at;
    opened.delete(event.associationId);
    void recordTraffic(
      options.log,
      {
        type: 'AssociationEnded',
        data: {
          associationId: event.associationId,
          transport: 'dimse',
          callingAet: event.peer.callingAet,
          calledAet: event.peer.calledAet,
          peerAddress: event.peer.address,
          nodeId: nodeOf.get(`${event.peer.callingAet.trim().toUpperCase()}|${event.peer.address}`) ?? null,
          openedAt: openedAt.toISOString(),
          endedAt: event.at.toISOString(),
          stored: event.stored,
          failed: event.failed,
          bytes: event.bytes,
          aborted: event.aborted,
        },
      },
      context(event.associationId),
    ).catch((e: Error) => console.error('could not record an association:', e.message));
  };

  return startStorageScp({
    host: options.host,
    port: options.port,
    aeTitle: options.aeTitle,
    acceptAssociation: accept,
    onAssociationEvent,
    ...(options.tls ? { tls: options.tls } : {}),
    store: async (received) => {
      const outcome = await options.receiver.receive(
        received.bytes,
        { sopClassUid: received.sopClassUid, sopInstanceUid: received.sopInstanceUid },
        { transport: 'dimse', associationId: received.associationId, callingAet: received.callingAet, calledAet: received.calledAet, peerAddress: received.peerAddress },
        received.sha256,
      );
      return outcome.ok ? { status: 0 } : { status: outcome.status, errorComment: outcome.reason };
    },
  });
}
