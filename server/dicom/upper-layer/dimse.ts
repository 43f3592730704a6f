import { UpperLayerError } from './errors';

/** Command Field values (PS3.7 §E.1). */
export const CommandField = { cStoreRq: 0x0001, cStoreRsp: 0x8001, cEchoRq: 0x0030, cEchoRsp: 0x8030 } as const;

/** Command Data Set Type (0000,0800): this value means "no dataset follows"; any other means one does. */
export const NO_DATASET = 0x0101;

/** PS3.7 C.4.1: "Unrecognized operation", for commands this SCP does not perform. */
export const STATUS_UNRECOGNIZED_OPERATION = 0x0211;

export interface DimseCommand {
  readonly commandField: number;
  readonly messageId: number;
  readonly affectedSopClassUid: string;
  readonly affectedSopInstanceUid: string;
  readonly hasDataset: boolean;
}

const uid = (value: Buffer) => value.toString('latin1').replace(/[\0 ]+$/, '');

/**
 * Decodes a command set. Commands are always Implicit VR Little Endian whatever the context's transfer
 * syntax (PS3.7 §6.3.1), so each element is tag (4), 32-bit length, value.
 */
export function decodeCommand(bytes: Buffer): DimseCommand {
  const values = new Map<number, Buffer>();
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    const group = bytes.readUInt16LE(offset);
    const element = bytes.readUInt16LE(offset + 2);
    const length = bytes.readUInt32LE(offset + 4);
    if (group !== 0x0000 || offset + 8 + length > bytes.length) {
      throw new UpperLayerError('DIMSE_MALFORMED_COMMAND', `command element (${group.toString(16)},${element.toString(16)}) is malformed`);
    }
    values.set(element, bytes.subarray(offset + 8, offset + 8 + length));
    offset += 8 + length;
  }
  const us = (element: number) => {
    const value = values.get(element);
    return value && value.length >= 2 ? value.readUInt16LE(0) : null;
  };
  const commandField = us(0x0100);
  const messageId = us(0x0110);
  if (offset !== bytes.length || commandField === null || messageId === null) {
    throw new UpperLayerError('DIMSE_MALFORMED_COMMAND', 'command set lacks Command Field or Message ID');
  }
  const affected = values.get(0x0002);
  const instance = values.get(0x1000);
  return {
    commandField,
    messageId,
    affectedSopClassUid: affected ? uid(affected) : '',
    affectedSopInstanceUid: instance ? uid(instance) : '',
    hasDataset: us(0x0800) !== NO_DATASET,
  };
}

function element(tag: number, value: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt16LE(0x0000, 0);
  header.writeUInt16LE(tag, 2);
  header.writeUInt32LE(value.length, 4);
  return Buffer.concat([header, value]);
}

const us = (value: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(value, 0);
  return b;
};
const padded = (value: string, pad: string) => Buffer.from(value.length % 2 ? value + pad : value, 'latin1');

export interface DimseResponse {
  readonly commandField: number;
  readonly messageIdBeingRespondedTo: number;
  readonly affectedSopClassUid: string;
  readonly affectedSopInstanceUid?: string;
  readonly status: number;
  /** Error Comment (0000,0902), LO: at most 64 characters, sent only with a failure status. */
  readonly errorComment?: string;
}

/** Errors and refusals carry an Error Comment; success (0x0000) and warnings (0xB000–0xBFFF, 0x0107, 0x0116) do not. */
const isFailure = (status: number) => status !== 0x0000 && status !== 0x0107 && status !== 0x0116 && (status & 0xf000) !== 0xb000;

/** Encodes a response command set with its group length (PS3.7 §9.3 / §E.1), elements in ascending tag order. */
export function encodeResponse(response: DimseResponse): Buffer {
  const elements = [
    element(0x0002, padded(response.affectedSopClassUid, '\0')),
    element(0x0100, us(response.commandField)),
    element(0x0120, us(response.messageIdBeingRespondedTo)),
    element(0x0800, us(NO_DATASET)),
    element(0x0900, us(response.status)),
  ];
  if (response.errorComment && isFailure(response.status)) {
    const comment = response.errorComment.replace(/[\\\r\n]/g, ' ').slice(0, 64);
    elements.push(element(0x0902, padded(comment, ' ')));
  }
  if (response.affectedSopInstanceUid) elements.push(element(0x1000, padded(response.affectedSopInstanceUid, '\0')));
  const body = Buffer.concat(elements);
  const groupLength = Buffer.alloc(4);
  groupLength.writeUInt32LE(body.length, 0);
  return Buffer.concat([element(0x0000, groupLength), body]);
}
