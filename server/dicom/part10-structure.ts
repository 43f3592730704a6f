/**
 * A structural walk of a Part 10 file's element headers, without decoding values. dcmjs stops reading at
 * Pixel Data and silently accepts a file cut at an element boundary, so truncation of the pixel data (the
 * usual damage from an interrupted transfer) is caught here instead.
 */
export type StructureProblem = { kind: 'truncated' | 'malformed'; offset: number; detail: string };

const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const UNDEFINED = 0xffffffff;

/** Offset of the dataset after the preamble, "DICM" and the group 0002 meta elements, or null when not Part 10. */
export function datasetOffset(bytes: Uint8Array): number | null {
  if (bytes.length < 132 || String.fromCharCode(...bytes.subarray(128, 132)) !== 'DICM') return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 132;
  while (offset + 8 <= bytes.length && view.getUint16(offset, true) === 0x0002) {
    const vr = String.fromCharCode(bytes[offset + 4] ?? 0, bytes[offset + 5] ?? 0);
    offset += LONG_VRS.has(vr) ? 12 + view.getUint32(offset + 8, true) : 8 + view.getUint16(offset + 6, true);
  }
  return offset <= bytes.length ? offset : null;
}

class Walker {
  private readonly view: DataView;
  constructor(
    private readonly bytes: Uint8Array,
    private readonly explicitVr: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private need(offset: number, length: number): void {
    if (offset + length > this.bytes.length) {
      throw { kind: 'truncated', offset, detail: `needs ${length} bytes at ${offset}, file has ${this.bytes.length}` };
    }
  }

  /** Walks elements from `offset` until `end` or, for undefined-length items, the Item Delimitation Item. */
  elements(offset: number, end: number, untilDelimiter: boolean): number {
    while (offset < end) {
      this.need(offset, 8);
      const group = this.view.getUint16(offset, true);
      const element = this.view.getUint16(offset + 2, true);
      if (group === 0xfffe && element === 0xe00d && untilDelimiter) return offset + 8;
      if (group === 0xfffe) throw { kind: 'malformed', offset, detail: `unexpected delimiter (FFFE,${element.toString(16)})` };
      let length: number;
      let isSequence = false;
      let headerLength = 8;
      if (this.explicitVr) {
        const vr = String.fromCharCode(this.bytes[offset + 4] ?? 0, this.bytes[offset + 5] ?? 0);
        if (!/^[A-Z]{2}$/.test(vr)) throw { kind: 'malformed', offset, detail: `invalid VR bytes "${vr}"` };
        if (LONG_VRS.has(vr)) {
          this.need(offset, 12);
          length = this.view.getUint32(offset + 8, true);
          headerLength = 12;
        } else {
          length = this.view.getUint16(offset + 6, true);
        }
        isSequence = vr === 'SQ' || (length === UNDEFINED && (vr === 'UN' || vr === 'OB' || vr === 'OW'));
        if (vr === 'UN' && length === UNDEFINED) {
          offset = new Walker(this.bytes, false).items(offset + headerLength, this.bytes.length, true);
          continue;
        }
      } else {
        length = this.view.getUint32(offset + 4, true);
        isSequence = length === UNDEFINED;
      }
      offset += headerLength;
      if (length === UNDEFINED) {
        if (!isSequence) throw { kind: 'malformed', offset, detail: 'undefined length on a non-sequence element' };
        offset = this.items(offset, this.bytes.length, true);
      } else if (isSequence) {
        this.need(offset, length);
        this.items(offset, offset + length, false);
        offset += length;
      } else {
        this.need(offset, length);
        offset += length;
      }
    }
    return offset;
  }

  items(offset: number, end: number, untilDelimiter: boolean): number {
    while (offset < end) {
      this.need(offset, 8);
      const group = this.view.getUint16(offset, true);
      const element = this.view.getUint16(offset + 2, true);
      const length = this.view.getUint32(offset + 4, true);
      if (group !== 0xfffe) throw { kind: 'malformed', offset, detail: 'expected an item tag in a sequence' };
      if (element === 0xe0dd) return offset + 8;
      if (element !== 0xe000) throw { kind: 'malformed', offset, detail: `unexpected (FFFE,${element.toString(16)})` };
      offset += 8;
      if (length === UNDEFINED) offset = this.elements(offset, this.bytes.length, true);
      else {
        this.need(offset, length);
        offset += length;
      }
    }
    if (untilDelimiter) throw { kind: 'truncated', offset, detail: 'sequence delimiter missing' };
    return offset;
  }
}

/** Returns the first structural problem of a non-deflated Part 10 dataset, or null when every element fits. */
export function findStructureProblem(bytes: Uint8Array, offset: number, explicitVr: boolean): StructureProblem | null {
  try {
    new Walker(bytes, explicitVr).elements(offset, bytes.length, false);
    return null;
  } catch (problem) {
    if (typeof problem === 'object' && problem !== null && 'kind' in problem) return problem as StructureProblem;
    throw problem;
  }
}
