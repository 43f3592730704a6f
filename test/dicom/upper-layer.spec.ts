import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Of } from '../../server/dicom/blob-store';
import { startStorageScp, type ReceivedInstance, type RunningStorageScp, type StorageScpOptions } from '../../server/dicom/scp';
import { fixture } from './dcmtk';
import { datasetBytes } from './part10-bytes';
import { associateRq, commandElements, cStoreRq, pdu, pdv, RawPeer } from './raw-peer';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const EXPLICIT = '1.2.840.10008.1.2.1';
const IMPLICIT = '1.2.840.10008.1.2';

let scp: RunningStorageScp | undefined;
let received: ReceivedInstance[] = [];

afterEach(async () => {
  await scp?.close();
  scp = undefined;
  received = [];
});

async function start(overrides: Partial<StorageScpOptions> = {}): Promise<number> {
  scp = await startStorageScp({
    host: '127.0.0.1',
    port: 0,
    aeTitle: 'LIGHTBOX',
    store: async (instance) => {
      received.push(instance);
      return { status: 0 };
    },
    ...overrides,
  });
  return scp.port;
}

/** Associates with one CT context in Explicit VR LE; returns the peer with the A-ASSOCIATE-AC consumed. */
async function associate(port: number, maxPdu: number): Promise<RawPeer> {
  const peer = await RawPeer.connect(port);
  await peer.send(associateRq([{ id: 1, abstractSyntax: CT, transferSyntaxes: [EXPLICIT] }], maxPdu));
  await peer.until(() => peer.pdus.length === 1);
  expect(peer.pdus[0]!.type).toBe(0x02);
  peer.pdus.shift();
  return peer;
}

/** Joins the command PDVs of the P-DATA-TF PDUs received so far. */
function responseCommand(peer: RawPeer): Buffer {
  const parts: Buffer[] = [];
  for (const { type, body } of peer.pdus) {
    expect(type).toBe(0x04);
    for (let offset = 0; offset < body.length; ) {
      const length = body.readUInt32BE(offset);
      parts.push(body.subarray(offset + 6, offset + 4 + length));
      offset += 4 + length;
    }
  }
  return Buffer.concat(parts);
}

const lastFragmentSeen = (peer: RawPeer) => peer.pdus.some((p) => p.type === 0x04 && (lastControl(p.body) & 0x02) !== 0);

function lastControl(body: Buffer): number {
  let control = 0;
  for (let offset = 0; offset < body.length; ) {
    control = body[offset + 5]!;
    offset += 4 + body.readUInt32BE(offset);
  }
  return control;
}

describe('DICOM upper layer edge cases', () => {
  it('reassembles a command and a dataset whose PDVs are split across many PDUs and TCP writes', async () => {
    const port = await start();
    const peer = await associate(port, 0);
    const original = readFileSync(fixture('ct-1'));
    const dataset = datasetBytes(original);
    const sopInstanceUid = '1.2.826.0.1.3680043.8.498.1';
    const command = cStoreRq(7, CT, sopInstanceUid);
    const half = Math.floor(command.length / 2);
    const stream: Buffer[] = [pdu(0x04, pdv(1, true, false, command.subarray(0, half))), pdu(0x04, pdv(1, true, true, command.subarray(half)))];
    for (let offset = 0; offset < dataset.length; offset += 333) {
      const end = Math.min(dataset.length, offset + 333);
      stream.push(pdu(0x04, pdv(1, false, end === dataset.length, dataset.subarray(offset, end))));
    }
    await peer.send(Buffer.concat(stream), 101);
    await peer.until(() => lastFragmentSeen(peer));
    const response = commandElements(responseCommand(peer));
    expect(response.get(0x0100)?.readUInt16LE(0)).toBe(0x8001);
    expect(response.get(0x0120)?.readUInt16LE(0)).toBe(7);
    expect(response.get(0x0900)?.readUInt16LE(0)).toBe(0);
    expect(received).toHaveLength(1);
    expect(datasetBytes(received[0]!.bytes).equals(dataset)).toBe(true);
    expect(received[0]!.sha256).toBe(sha256Of(received[0]!.bytes));
    expect(received[0]!.sopInstanceUid).toBe(sopInstanceUid);
    peer.socket.destroy();
  });

  it('keeps every PDU it sends within the maximum length the requestor announced', async () => {
    const comment = 'the archive could not store this object because the disk is full';
    const port = await start({ store: async () => ({ status: 0xa700, errorComment: comment }) });
    const maxPdu = 40;
    const peer = await associate(port, maxPdu);
    const dataset = Buffer.from([0x08, 0x00, 0x60, 0x00, 0x43, 0x53, 0x02, 0x00, 0x43, 0x54]);
    await peer.send(Buffer.concat([pdu(0x04, pdv(1, true, true, cStoreRq(1, CT, '1.2.3'))), pdu(0x04, pdv(1, false, true, dataset))]));
    await peer.until(() => lastFragmentSeen(peer));
    expect(peer.pdus.length).toBeGreaterThan(3);
    for (const { body } of peer.pdus) expect(body.length).toBeLessThanOrEqual(maxPdu);
    const response = commandElements(responseCommand(peer));
    expect(response.get(0x0900)?.readUInt16LE(0)).toBe(0xa700);
    expect(response.get(0x0902)?.toString('latin1').trim()).toBe(comment.slice(0, 64));
    peer.socket.destroy();
  });

  it('answers garbage with an A-ABORT (unrecognized PDU) and closes the connection', async () => {
    const port = await start();
    const peer = await RawPeer.connect(port);
    await peer.send(Buffer.from('GET / HTTP/1.1\r\nHost: lightbox\r\n\r\n'));
    await peer.until(() => peer.closed);
    expect(peer.pdus).toEqual([{ type: 0x07, body: Buffer.from([0, 0, 2, 1]) }]);
  });

  it('rejects every context of a request it cannot serve, each with its reason, and stores nothing', async () => {
    const port = await start();
    const peer = await RawPeer.connect(port);
    await peer.send(
      associateRq(
        [
          { id: 1, abstractSyntax: '1.2.840.10008.5.1.4.1.2.1.1', transferSyntaxes: [IMPLICIT] },
          { id: 3, abstractSyntax: CT, transferSyntaxes: ['1.2.840.10008.1.2.2'] },
        ],
        16384,
      ),
    );
    await peer.until(() => peer.pdus.length === 1);
    const ac = peer.pdus[0]!;
    expect(ac.type).toBe(0x02);
    const results = new Map<number, number>();
    for (let offset = 68; offset < ac.body.length; offset += 4 + ac.body.readUInt16BE(offset + 2)) {
      if (ac.body[offset] === 0x21) results.set(ac.body[offset + 4]!, ac.body[offset + 6]!);
    }
    expect(Object.fromEntries(results)).toEqual({ 1: 3, 3: 4 });
    await peer.send(pdu(0x04, pdv(3, true, true, cStoreRq(1, CT, '1.2.3'))));
    await peer.until(() => peer.closed);
    expect(peer.pdus.at(-1)?.type).toBe(0x07);
    expect(received).toHaveLength(0);
  });

  it('closes a connection that never sends an A-ASSOCIATE-RQ when the ARTIM timer expires', async () => {
    const port = await start({ artimTimeoutMs: 200 });
    const peer = await RawPeer.connect(port);
    const opened = Date.now();
    await peer.until(() => peer.closed, 3000);
    expect(Date.now() - opened).toBeGreaterThanOrEqual(150);
    expect(peer.pdus).toEqual([]);
  });

  it('answers A-RELEASE-RQ with A-RELEASE-RP and reports a released, not aborted, association', async () => {
    const events: unknown[] = [];
    const port = await start({ onAssociationEvent: (e) => events.push(e) });
    const peer = await associate(port, 0);
    await peer.send(pdu(0x05, Buffer.alloc(4)));
    await peer.until(() => peer.pdus.some((p) => p.type === 0x06));
    peer.socket.end();
    await peer.until(() => events.length === 2);
    expect(events[1]).toMatchObject({ type: 'closed', aborted: false, stored: 0 });
  });
});
