import { SliceReader } from './chunk-queue';
import { UpperLayerError } from './errors';

/** PDU types (PS3.8 §9.3.1). */
export const PduType = {
  associateRq: 0x01,
  associateAc: 0x02,
  associateRj: 0x03,
  pData: 0x04,
  releaseRq: 0x05,
  releaseRp: 0x06,
  abort: 0x07,
} as const;

/** The only application context name DICOM defines (PS3.7 Annex A.2.1). */
export const DICOM_APPLICATION_CONTEXT = '1.2.840.10008.3.1.1.1';

export interface ProposedContext {
  readonly id: number;
  readonly abstractSyntaxUid: string;
  readonly transferSyntaxUids: readonly string[];
}

export interface AssociateRequest {
  readonly protocolVersion: number;
  readonly calledAet: string;
  readonly calledAetField: Buffer;
  readonly callingAetField: Buffer;
  readonly callingAet: string;
  readonly applicationContext: string;
  readonly contexts: readonly ProposedContext[];
  /** The requestor's maximum PDU length; 0 means unlimited (PS3.8 D.1). */
  readonly maxPduLength: number;
  readonly implementationClassUid: string | null;
  readonly implementationVersionName: string | null;
}

/** UIDs are padded with NUL, AE titles with spaces; neither padding is part of the value. */
const text = (bytes: Buffer) => bytes.toString('latin1').replace(/[\0 ]+$/, '').replace(/^ +/, '');

/** Splits the variable items of an A-ASSOCIATE-RQ/AC (type, reserved, 2-byte length, value). */
function* items(body: Buffer, from: number): Generator<{ type: number; value: Buffer }> {
  let offset = from;
  while (offset < body.length) {
    if (offset + 4 > body.length) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', 'item header runs past the PDU');
    const type = body[offset]!;
    const length = body.readUInt16BE(offset + 2);
    if (offset + 4 + length > body.length) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', `item 0x${type.toString(16)} runs past the PDU`);
    yield { type, value: body.subarray(offset + 4, offset + 4 + length) };
    offset += 4 + length;
  }
}

function presentationContext(value: Buffer): ProposedContext {
  if (value.length < 4) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', 'presentation context item too short');
  let abstractSyntaxUid = '';
  const transferSyntaxUids: string[] = [];
  for (const sub of items(value, 4)) {
    if (sub.type === 0x30) abstractSyntaxUid = text(sub.value);
    else if (sub.type === 0x40) transferSyntaxUids.push(text(sub.value));
  }
  return { id: value[0]!, abstractSyntaxUid, transferSyntaxUids };
}

/** Decodes the body (after the 6-byte PDU header) of an A-ASSOCIATE-RQ (PS3.8 §9.3.2). */
export function decodeAssociateRequest(body: Buffer): AssociateRequest {
  if (body.length < 68) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', 'A-ASSOCIATE-RQ shorter than its fixed fields');
  let applicationContext = '';
  const contexts: ProposedContext[] = [];
  let maxPduLength = 0;
  let implementationClassUid: string | null = null;
  let implementationVersionName: string | null = null;
  for (const item of items(body, 68)) {
    if (item.type === 0x10) applicationContext = text(item.value);
    else if (item.type === 0x20) contexts.push(presentationContext(item.value));
    else if (item.type === 0x50) {
      for (const sub of items(item.value, 0)) {
        if (sub.type === 0x51 && sub.value.length >= 4) maxPduLength = sub.value.readUInt32BE(0);
        else if (sub.type === 0x52) implementationClassUid = text(sub.value);
        else if (sub.type === 0x55) implementationVersionName = text(sub.value);
      }
    }
  }
  return {
    protocolVersion: body.readUInt16BE(0),
    calledAetField: body.subarray(4, 20),
    callingAetField: body.subarray(20, 36),
    calledAet: text(body.subarray(4, 20)),
    callingAet: text(body.subarray(20, 36)),
    applicationContext,
    contexts,
    maxPduLength,
    implementationClassUid,
    implementationVersionName,
  };
}

function item(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header[0] = type;
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value]);
}

function pdu(type: number, body: Buffer): Buffer {
  const header = Buffer.alloc(6);
  header[0] = type;
  header.writeUInt32BE(body.length, 2);
  return Buffer.concat([header, body]);
}

const ascii = (value: string) => Buffer.from(value, 'latin1');

/** PS3.8 Table 9-18: result of one presentation context in the A-ASSOCIATE-AC. */
export const ContextResult = { acceptance: 0, userRejection: 1, noReason: 2, abstractSyntaxNotSupported: 3, transferSyntaxesNotSupported: 4 } as const;

export interface ContextAnswer {
  readonly id: number;
  readonly result: number;
  /** The accepted syntax; for a rejection any value (PS3.8 §9.3.3.2: "not significant"), but the item must be there. */
  readonly transferSyntaxUid: string;
}

export interface AssociateAcceptValues {
  readonly request: AssociateRequest;
  readonly contexts: readonly ContextAnswer[];
  readonly maxPduLength: number;
  readonly implementationClassUid: string;
  readonly implementationVersionName: string;
}

/**
 * Encodes an A-ASSOCIATE-AC. The user information carries our maximum receive length and implementation
 * identification only: leaving out the Asynchronous Operations Window sub-item declines asynchronous
 * operations (PS3.7 D.3.3.3), so every peer works one operation at a time; role selection and extended
 * negotiation are likewise left out, which keeps the defaults (requestor is SCU).
 */
export function encodeAssociateAccept(values: AssociateAcceptValues): Buffer {
  const fixed = Buffer.alloc(68);
  fixed.writeUInt16BE(0x0001, 0);
  values.request.calledAetField.copy(fixed, 4);
  values.request.callingAetField.copy(fixed, 20);
  const maxLength = Buffer.alloc(4);
  maxLength.writeUInt32BE(values.maxPduLength, 0);
  const userInfo = Buffer.concat([
    item(0x51, maxLength),
    item(0x52, ascii(values.implementationClassUid)),
    item(0x55, ascii(values.implementationVersionName)),
  ]);
  const contexts = values.contexts.map((c) => item(0x21, Buffer.concat([Buffer.from([c.id, 0, c.result, 0]), item(0x40, ascii(c.transferSyntaxUid))])));
  return pdu(PduType.associateAc, Buffer.concat([fixed, item(0x10, ascii(DICOM_APPLICATION_CONTEXT)), ...contexts, item(0x50, userInfo)]));
}

/** A-ASSOCIATE-RJ (PS3.8 §9.3.4): result 1 permanent / 2 transient, source 1 user / 2 ACSE / 3 presentation. */
export const encodeAssociateReject = (result: number, source: number, reason: number) => pdu(PduType.associateRj, Buffer.from([0, result, source, reason]));

export const encodeReleaseResponse = () => pdu(PduType.releaseRp, Buffer.alloc(4));

/** A-ABORT from the service provider (source 2) with a reason, or from the service user (source 0, reason 0). */
export const encodeAbort = (source: number, reason: number) => pdu(PduType.abort, Buffer.from([0, 0, source, reason]));

/**
 * P-DATA-TF PDUs carrying one message part (command or dataset), fragmented so that no PDU exceeds the peer's
 * maximum length (PS3.8 §9.3.5, D.1: the limit counts the PDV items, i.e. 6 bytes of item header per PDV).
 */
export function encodePData(contextId: number, isCommand: boolean, data: Buffer, peerMaxPduLength: number): Buffer[] {
  const maxFragment = peerMaxPduLength === 0 ? data.length : Math.max(1, peerMaxPduLength - 6);
  const out: Buffer[] = [];
  let offset = 0;
  do {
    const fragment = data.subarray(offset, offset + maxFragment);
    offset += fragment.length;
    const header = Buffer.alloc(12);
    header[0] = PduType.pData;
    header.writeUInt32BE(fragment.length + 6, 2);
    header.writeUInt32BE(fragment.length + 2, 6);
    header[10] = contextId;
    header[11] = (isCommand ? 0x01 : 0x00) | (offset >= data.length ? 0x02 : 0x00);
    out.push(Buffer.concat([header, fragment]));
  } while (offset < data.length);
  return out;
}

export interface Pdv {
  readonly contextId: number;
  readonly isCommand: boolean;
  readonly isLast: boolean;
  readonly value: Buffer[];
}

/** Splits a P-DATA-TF body into its PDV items; values stay slices of the received chunks. */
export function decodePData(body: readonly Buffer[]): Pdv[] {
  const reader = new SliceReader(body);
  const pdvs: Pdv[] = [];
  try {
    while (!reader.atEnd) {
      const length = reader.uint32();
      if (length < 2) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', `PDV item length ${length} is below 2`);
      const contextId = reader.uint8();
      const control = reader.uint8();
      pdvs.push({ contextId, isCommand: (control & 0x01) !== 0, isLast: (control & 0x02) !== 0, value: reader.slices(length - 2) });
    }
  } catch (error) {
    if (error instanceof RangeError) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', error.message);
    throw error;
  }
  if (pdvs.length === 0) throw new UpperLayerError('UL_INVALID_PDU_PARAMETER', 'P-DATA-TF without a PDV item');
  return pdvs;
}
