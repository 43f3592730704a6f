import { inflateRawSync } from 'node:zlib';
import type { DicomDataset, DicomElement } from '../../../domain/deid/dicom-dataset';
import { asciiText, tagOf } from '../../../domain/deid/dicom-dataset';
import { IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, LONG_LENGTH_VRS, transferSyntaxOf, type TransferSyntax } from './transfer-syntax';
import { dictionaryVr } from './vr-dictionary';

/** A parsed DICOM file: the file meta group, the dataset, and how the dataset was encoded. */
export interface Part10File {
  readonly meta: DicomDataset;
  readonly dataset: DicomDataset;
  readonly transferSyntax: TransferSyntax;
  /** False for a bare dataset without preamble and file meta (allowed on media written by old software). */
  readonly hadFileMeta: boolean;
}

/** The input is not a DICOM dataset this codec can read. */
export class DicomParseError extends Error {
  readonly code = 'DEID_UNPARSEABLE';
}

interface Encoding {
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
}

const UNDEFINED_LENGTH = 0xffffffff;
const ITEM = tagOf(0xfffe, 0xe000);
const ITEM_DELIMITER = tagOf(0xfffe, 0xe00d);
const SEQUENCE_DELIMITER = tagOf(0xfffe, 0xe0dd);
const PIXEL_DATA = tagOf(0x7fe0, 0x0010);
const TRANSFER_SYNTAX_UID = tagOf(0x0002, 0x0010);
const IMPLICIT_LE: Encoding = { explicitVr: false, littleEndian: true };
const VR_PATTERN = /^[A-Z]{2}$/;

class Reader {
  private readonly view: DataView;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(offset: number, length: number): void {
    if (offset + length > this.bytes.length) {
      throw new DicomParseError(`truncated at byte ${offset}: ${length} bytes needed, ${this.bytes.length - offset} left`);
    }
  }

  readTag(offset: number, littleEndian: boolean): number {
    this.need(offset, 4);
    return tagOf(this.view.getUint16(offset, littleEndian), this.view.getUint16(offset + 2, littleEndian));
  }

  uint32(offset: number, littleEndian: boolean): number {
    this.need(offset, 4);
    return this.view.getUint32(offset, littleEndian);
  }

  uint16(offset: number, littleEndian: boolean): number {
    this.need(offset, 2);
    return this.view.getUint16(offset, littleEndian);
  }

  slice(offset: number, length: number): Uint8Array {
    this.need(offset, length);
    return this.bytes.subarray(offset, offset + length);
  }

  /** Reads elements from `offset` up to `end`, or up to an Item Delimitation Item when `end` is undefined. */
  readElements(offset: number, end: number | undefined, encoding: Encoding): { elements: DicomElement[]; offset: number } {
    const elements: DicomElement[] = [];
    const limit = end ?? this.bytes.length;
    while (offset < limit) {
      if (limit - offset < 8 && end === undefined) throw new DicomParseError('missing item delimiter');
      if (limit - offset < 8) break;
      const tag = this.readTag(offset, encoding.littleEndian);
      if (tag === ITEM_DELIMITER) {
        offset += 8;
        if (end === undefined) return { elements, offset };
        continue;
      }
      if (tag === SEQUENCE_DELIMITER) {
        offset += 8;
        continue;
      }
      const header = this.readHeader(offset, tag, encoding);
      offset = header.valueOffset;
      const read = this.readValue(tag, header.vr, header.length, offset, encoding);
      elements.push(read.element);
      offset = read.offset;
    }
    if (end === undefined) throw new DicomParseError('missing item delimiter');
    return { elements, offset };
  }

  private readHeader(offset: number, tag: number, encoding: Encoding): { vr: string; length: number; valueOffset: number } {
    if (encoding.explicitVr) {
      this.need(offset, 8);
      const vr = String.fromCharCode(this.bytes[offset + 4]!, this.bytes[offset + 5]!);
      if (VR_PATTERN.test(vr)) {
        if (LONG_LENGTH_VRS.has(vr)) return { vr, length: this.uint32(offset + 8, encoding.littleEndian), valueOffset: offset + 12 };
        return { vr, length: this.uint16(offset + 6, encoding.littleEndian), valueOffset: offset + 8 };
      }
    }
    return { vr: dictionaryVr(tag), length: this.uint32(offset + 4, encoding.littleEndian), valueOffset: offset + 8 };
  }

  private readValue(tag: number, vr: string, length: number, offset: number, encoding: Encoding): { element: DicomElement; offset: number } {
    if (tag === PIXEL_DATA && length === UNDEFINED_LENGTH) {
      const fragments = this.readFragments(offset, encoding);
      return { element: { tag, vr: vr === 'OW' ? 'OB' : vr, fragments: fragments.fragments }, offset: fragments.offset };
    }
    if (vr === 'SQ' || length === UNDEFINED_LENGTH) {
      const itemEncoding = vr === 'SQ' ? encoding : IMPLICIT_LE;
      const end = length === UNDEFINED_LENGTH ? undefined : offset + length;
      if (end !== undefined) this.need(offset, length);
      const sequence = this.readItems(offset, end, itemEncoding);
      return { element: { tag, vr: 'SQ', items: sequence.items }, offset: sequence.offset };
    }
    const value = this.slice(offset, length);
    if (vr === 'UN' && this.looksLikeItems(value)) {
      try {
        const sequence = this.readItems(offset, offset + length, IMPLICIT_LE);
        return { element: { tag, vr: 'SQ', items: sequence.items }, offset: offset + length };
      } catch (error) {
        if (!(error instanceof DicomParseError)) throw error;
      }
    }
    return { element: { tag, vr, value }, offset: offset + length };
  }

  /** A UN value holds an implicit-VR sequence when it starts with an Item tag (PS3.5 §6.2.2): parse it so PHI inside is reached. */
  private looksLikeItems(value: Uint8Array): boolean {
    if (value.length < 8) return false;
    return value[0] === 0xfe && value[1] === 0xff && value[2] === 0x00 && value[3] === 0xe0;
  }

  private readItems(offset: number, end: number | undefined, encoding: Encoding): { items: DicomDataset[]; offset: number } {
    const items: DicomDataset[] = [];
    while (end === undefined || offset < end) {
      const tag = this.readTag(offset, encoding.littleEndian);
      const length = this.uint32(offset + 4, encoding.littleEndian);
      offset += 8;
      if (tag === SEQUENCE_DELIMITER) return { items, offset };
      if (tag !== ITEM) throw new DicomParseError(`expected an item in a sequence, found ${tag.toString(16)}`);
      const itemEnd = length === UNDEFINED_LENGTH ? undefined : offset + length;
      if (itemEnd !== undefined) this.need(offset, length);
      const item = this.readElements(offset, itemEnd, encoding);
      items.push(item.elements);
      offset = itemEnd ?? item.offset;
    }
    return { items, offset };
  }

  private readFragments(offset: number, encoding: Encoding): { fragments: Uint8Array[]; offset: number } {
    const fragments: Uint8Array[] = [];
    for (;;) {
      const tag = this.readTag(offset, encoding.littleEndian);
      const length = this.uint32(offset + 4, encoding.littleEndian);
      offset += 8;
      if (tag === SEQUENCE_DELIMITER) return { fragments, offset };
      if (tag !== ITEM) throw new DicomParseError('malformed encapsulated pixel data');
      fragments.push(this.slice(offset, length));
      offset += length;
    }
  }
}

function hasPreamble(bytes: Uint8Array): boolean {
  return bytes.length >= 132 && bytes[128] === 0x44 && bytes[129] === 0x49 && bytes[130] === 0x43 && bytes[131] === 0x4d;
}

function guessBareEncoding(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new DicomParseError('too short to be a DICOM dataset');
  const firstGroup = bytes[0]! | (bytes[1]! << 8);
  if (firstGroup === 0 || firstGroup > 0x0010) throw new DicomParseError('not a DICOM file: no "DICM" preamble and no dataset at the start');
  const vr = String.fromCharCode(bytes[4]!, bytes[5]!);
  return VR_PATTERN.test(vr) ? EXPLICIT_VR_LITTLE_ENDIAN : IMPLICIT_VR_LITTLE_ENDIAN;
}

function readMeta(reader: Reader, offset: number): { meta: DicomElement[]; offset: number } {
  const meta: DicomElement[] = [];
  while (offset + 8 <= reader.bytes.length && reader.uint16(offset, true) === 0x0002) {
    const { elements } = reader.readElements(offset, offset + metaElementLength(reader, offset), { explicitVr: true, littleEndian: true });
    meta.push(...elements);
    offset += metaElementLength(reader, offset);
  }
  return { meta, offset };
}

function metaElementLength(reader: Reader, offset: number): number {
  const vr = String.fromCharCode(reader.bytes[offset + 4]!, reader.bytes[offset + 5]!);
  if (LONG_LENGTH_VRS.has(vr)) return 12 + reader.uint32(offset + 8, true);
  return 8 + reader.uint16(offset + 6, true);
}

/** Parses a DICOM Part 10 file (or a bare Little Endian dataset) without decoding any value. */
export function readPart10(input: Uint8Array): Part10File {
  const reader = new Reader(input);
  const hadFileMeta = hasPreamble(input) || (input.length >= 2 && input[0] === 0x02 && input[1] === 0x00);
  const start = hasPreamble(input) ? 132 : 0;
  const { meta, offset } = hadFileMeta ? readMeta(reader, start) : { meta: [], offset: 0 };
  const tsElement = meta.find((element) => element.tag === TRANSFER_SYNTAX_UID);
  const uid = tsElement ? asciiText(tsElement.value) : guessBareEncoding(input.subarray(offset));
  const transferSyntax = transferSyntaxOf(uid);
  let body = reader;
  let bodyOffset = offset;
  if (transferSyntax.deflated) {
    try {
      body = new Reader(inflateRawSync(input.subarray(offset)));
    } catch (error) {
      throw new DicomParseError(`deflated dataset cannot be inflated: ${(error as Error).message}`);
    }
    bodyOffset = 0;
  }
  const { elements } = body.readElements(bodyOffset, body.bytes.length, transferSyntax);
  if (elements.length === 0) throw new DicomParseError('no data elements');
  return { meta, dataset: elements, transferSyntax, hadFileMeta };
}
