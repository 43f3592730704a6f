import net from 'node:net';

/** A hand-driven DICOM requestor for upper-layer edge cases that dcmtk cannot be made to produce. */

const item = (type: number, value: Buffer) => {
  const header = Buffer.from([type, 0, 0, 0]);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value]);
};

export const pdu = (type: number, body: Buffer) => {
  const header = Buffer.alloc(6);
  header[0] = type;
  header.writeUInt32BE(body.length, 2);
  return Buffer.concat([header, body]);
};

const aet = (title: string) => Buffer.from(title.padEnd(16, ' '), 'latin1');
const text = (value: string) => Buffer.from(value, 'latin1');

export interface Proposed {
  readonly id: number;
  readonly abstractSyntax: string;
  readonly transferSyntaxes: readonly string[];
}

/** An A-ASSOCIATE-RQ with the given contexts and maximum PDU length. */
export function associateRq(contexts: readonly Proposed[], maxPdu: number, called = 'LIGHTBOX', calling = 'RAWPEER'): Buffer {
  const fixed = Buffer.alloc(68);
  fixed.writeUInt16BE(1, 0);
  aet(called).copy(fixed, 4);
  aet(calling).copy(fixed, 20);
  const max = Buffer.alloc(4);
  max.writeUInt32BE(maxPdu, 0);
  const pcs = contexts.map((c) =>
    item(0x20, Buffer.concat([Buffer.from([c.id, 0, 0, 0]), item(0x30, text(c.abstractSyntax)), ...c.transferSyntaxes.map((ts) => item(0x40, text(ts)))])),
  );
  const user = item(0x50, Buffer.concat([item(0x51, max), item(0x52, text('1.2.3.4')), item(0x55, text('RAWPEER'))]));
  return pdu(0x01, Buffer.concat([fixed, item(0x10, text('1.2.840.10008.3.1.1.1')), ...pcs, user]));
}

/** One PDV item: 4-byte length, context id, message control header (bit 0 command, bit 1 last). */
export function pdv(contextId: number, isCommand: boolean, isLast: boolean, value: Buffer): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt32BE(value.length + 2, 0);
  header[4] = contextId;
  header[5] = (isCommand ? 1 : 0) | (isLast ? 2 : 0);
  return Buffer.concat([header, value]);
}

const element = (tag: number, value: Buffer) => {
  const header = Buffer.alloc(8);
  header.writeUInt16LE(tag, 2);
  header.writeUInt32LE(value.length, 4);
  return Buffer.concat([header, value]);
};
const us = (n: number) => Buffer.from([n & 0xff, n >> 8]);
const uid = (value: string) => Buffer.from(value.length % 2 ? `${value}\0` : value, 'latin1');

/** A C-STORE-RQ command set (Implicit VR Little Endian) announcing a dataset. */
export function cStoreRq(messageId: number, sopClassUid: string, sopInstanceUid: string): Buffer {
  const body = Buffer.concat([
    element(0x0002, uid(sopClassUid)),
    element(0x0100, us(0x0001)),
    element(0x0110, us(messageId)),
    element(0x0700, us(0)),
    element(0x0800, us(0x0000)),
    element(0x1000, uid(sopInstanceUid)),
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(body.length, 0);
  return Buffer.concat([element(0x0000, length), body]);
}

/** The elements of a command set, tag element number → value. */
export function commandElements(bytes: Buffer): Map<number, Buffer> {
  const out = new Map<number, Buffer>();
  for (let offset = 0; offset + 8 <= bytes.length; ) {
    const length = bytes.readUInt32LE(offset + 4);
    out.set(bytes.readUInt16LE(offset + 2), bytes.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  return out;
}

export interface ReceivedPdu {
  readonly type: number;
  readonly body: Buffer;
}

/** A TCP connection that collects whole PDUs from the SCP. */
export class RawPeer {
  readonly pdus: ReceivedPdu[] = [];
  closed = false;
  private buffer = Buffer.alloc(0);
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 6 && this.buffer.length >= 6 + this.buffer.readUInt32BE(2)) {
        const length = this.buffer.readUInt32BE(2);
        this.pdus.push({ type: this.buffer[0]!, body: this.buffer.subarray(6, 6 + length) });
        this.buffer = this.buffer.subarray(6 + length);
      }
      this.wake();
    });
    socket.on('close', () => {
      this.closed = true;
      this.wake();
    });
    socket.on('error', () => undefined);
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  static connect(port: number): Promise<RawPeer> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawPeer(socket)));
      socket.once('error', reject);
    });
  }

  /** Writes `bytes` in pieces of `piece` bytes, each its own write, to exercise reassembly. */
  async send(bytes: Buffer, piece = bytes.length): Promise<void> {
    for (let offset = 0; offset < bytes.length; offset += piece) {
      this.socket.write(bytes.subarray(offset, offset + piece));
      if (piece < bytes.length) await new Promise((r) => setImmediate(r));
    }
  }

  /** Resolves once `condition` holds, or rejects after `ms`. */
  async until(condition: () => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the SCP');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }
}
