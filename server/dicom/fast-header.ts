import { TransferSyntax } from '../../domain/dicom';
import type { NaturalDataset, Part10Contents } from './dcmjs-io';
import { datasetOffset } from './part10-structure';

/**
 * A reader for the few attributes an image's summary needs, for the common case only: Little Endian, not
 * deflated, text in ASCII or UTF-8. dcmjs parses every element of the header into objects (about 1–2 ms for a
 * CT header with private blocks and nested sequences, more than receiving and storing the instance), while
 * this walk reads element headers, skips what it does not want, and decodes a handful of values.
 * It returns what dcmjs would give for those attributes (keyword → values), or null whenever the input is
 * outside that case or looks wrong in any way; the caller then uses dcmjs, which also produces the errors.
 */

const UNDEFINED = 0xffffffff;
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Tag → [keyword, VR] of the attributes read at the top level. */
const topLevel = new Map<number, readonly [string, string]>([
  [0x00080005, ['SpecificCharacterSet', 'CS']],
  [0x00080016, ['SOPClassUID', 'UI']],
  [0x00080018, ['SOPInstanceUID', 'UI']],
  [0x00080020, ['StudyDate', 'DA']],
  [0x00080060, ['Modality', 'CS']],
  [0x00081032, ['ProcedureCodeSequence', 'SQ']],
  [0x0008103e, ['SeriesDescription', 'LO']],
  [0x00100020, ['PatientID', 'LO']],
  [0x00120062, ['PatientIdentityRemoved', 'CS']],
  [0x00120063, ['DeidentificationMethod', 'LO']],
  [0x00120064, ['DeidentificationMethodCodeSequence', 'SQ']],
  [0x00180015, ['BodyPartExamined', 'CS']],
  [0x0020000d, ['StudyInstanceUID', 'UI']],
  [0x0020000e, ['SeriesInstanceUID', 'UI']],
  [0x00200011, ['SeriesNumber', 'IS']],
  [0x00200013, ['InstanceNumber', 'IS']],
  [0x00280008, ['NumberOfFrames', 'IS']],
  [0x00280010, ['Rows', 'US']],
  [0x00280011, ['Columns', 'US']],
  [0x00280301, ['BurnedInAnnotation', 'CS']],
]);

/** Tag → [keyword, VR] read inside code sequence items. */
const codeItem = new Map<number, readonly [string, string]>([
  [0x00080100, ['CodeValue', 'SH']],
  [0x00080102, ['CodingSchemeDesignator', 'SH']],
  [0x00080104, ['CodeMeaning', 'LO']],
  [0x00080119, ['LongCodeValue', 'UC']],
  [0x00080120, ['URNCodeValue', 'UR']],
]);

const PIXEL_DATA = 0x7fe00010;
const nothing = new Map<number, readonly [string, string]>();

class Unsupported extends Error {}

class HeaderWalker {
  private readonly view: DataView;
  utf8 = false;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly explicit: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  private check(offset: number, length: number): void {
    if (offset + length > this.bytes.length || length < 0) throw new Unsupported('runs past the end');
  }

  private text(offset: number, length: number, vr: string): string[] {
    const raw = this.bytes.subarray(offset, offset + length);
    if (!this.utf8 && raw.some((b) => b >= 0x80)) throw new Unsupported('non-ASCII text outside UTF-8');
    const value = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString(this.utf8 ? 'utf8' : 'latin1');
    return vr === 'UR' ? [value] : value.split('\\');
  }

  /** Reads the elements of one dataset from `offset` up to `end`, or to an Item Delimitation Item. */
  read(offset: number, end: number, untilDelimiter: boolean, wanted: ReadonlyMap<number, readonly [string, string]>, into: NaturalDataset, top: boolean): number {
    while (offset < end) {
      this.check(offset, 8);
      const group = this.view.getUint16(offset, true);
      const tag = ((group << 16) | this.view.getUint16(offset + 2, true)) >>> 0;
      if (tag === 0xfffee00d && untilDelimiter) return offset + 8;
      if (top && tag === PIXEL_DATA) return end;
      let vr: string | null = null;
      let length: number;
      let header = 8;
      if (this.explicit && group !== 0xfffe) {
        vr = String.fromCharCode(this.bytes[offset + 4]!, this.bytes[offset + 5]!);
        if (!/^[A-Z]{2}$/.test(vr)) throw new Unsupported('invalid VR');
        if (LONG_VRS.has(vr)) {
          this.check(offset, 12);
          length = this.view.getUint32(offset + 8, true);
          header = 12;
        } else length = this.view.getUint16(offset + 6, true);
      } else length = this.view.getUint32(offset + 4, true);
      offset += header;
      const want = wanted.get(tag);
      if (want && vr !== null && vr !== want[1]) throw new Unsupported(`unexpected VR ${vr}`);
      if (length === UNDEFINED) {
        if (group === 0xfffe || (vr !== null && vr !== 'SQ' && vr !== 'UN')) throw new Unsupported('undefined length');
        const walker = vr === 'UN' ? new HeaderWalker(this.bytes, false) : this;
        const items: NaturalDataset[] = [];
        offset = walker.items(offset, this.bytes.length, true, items, want ? codeItem : nothing);
        if (want) into[want[0]] = items;
        continue;
      }
      this.check(offset, length);
      if (want?.[1] === 'SQ') {
        const items: NaturalDataset[] = [];
        this.items(offset, offset + length, false, items, codeItem);
        into[want[0]] = items;
      } else if (want?.[1] === 'US') {
        into[want[0]] = length >= 2 ? [this.view.getUint16(offset, true)] : [];
      } else if (want) {
        into[want[0]] = length === 0 ? [] : this.text(offset, length, want[1]);
        if (tag === 0x00080005) this.utf8 = (into[want[0]] as string[]).some((v) => v.trim() === 'ISO_IR 192');
      }
      offset += length;
    }
    return offset;
  }

  items(offset: number, end: number, untilDelimiter: boolean, into: NaturalDataset[], wanted: ReadonlyMap<number, readonly [string, string]>): number {
    while (offset < end) {
      this.check(offset, 8);
      const tag = ((this.view.getUint16(offset, true) << 16) | this.view.getUint16(offset + 2, true)) >>> 0;
      const length = this.view.getUint32(offset + 4, true);
      if (tag === 0xfffee0dd) return offset + 8;
      if (tag !== 0xfffee000) throw new Unsupported('expected an item');
      const item: NaturalDataset = {};
      into.push(item);
      offset += 8;
      if (length === UNDEFINED) offset = this.read(offset, this.bytes.length, true, wanted, item, false);
      else {
        this.check(offset, length);
        this.read(offset, offset + length, false, wanted, item, false);
        offset += length;
      }
    }
    if (untilDelimiter) throw new Unsupported('sequence delimiter missing');
    return offset;
  }
}

function metaTransferSyntax(bytes: Uint8Array, end: number): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 132;
  while (offset + 8 <= end) {
    const element = view.getUint16(offset + 2, true);
    const vr = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!);
    const long = LONG_VRS.has(vr);
    const length = long ? view.getUint32(offset + 8, true) : view.getUint16(offset + 6, true);
    const value = offset + (long ? 12 : 8);
    if (element === 0x0010) return Buffer.from(bytes.buffer, bytes.byteOffset + value, length).toString('latin1').replace(/[\0 ]+$/, '');
    offset = value + length;
  }
  return null;
}

const supportedCharsets = new Set(['', 'ISO_IR 6', 'ISO_IR 100', 'ISO_IR 192']);

/** The summary attributes of a Part 10 file, as dcmjs would naturalize them, or null (use dcmjs). */
export function readSummaryAttributes(bytes: Uint8Array): Part10Contents | null {
  const start = datasetOffset(bytes);
  if (start === null) return null;
  const transferSyntaxUid = metaTransferSyntax(bytes, start);
  const explicit = transferSyntaxUid !== TransferSyntax.implicitVrLittleEndian;
  if (transferSyntaxUid === TransferSyntax.deflatedExplicitVrLittleEndian || transferSyntaxUid === TransferSyntax.explicitVrBigEndian) return null;
  const dataset: NaturalDataset = {};
  try {
    new HeaderWalker(bytes, explicit).read(start, bytes.length, false, topLevel, dataset, true);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  const charsets = ((dataset.SpecificCharacterSet as string[] | undefined) ?? []).map((v) => v.trim());
  if (charsets.length > 1 || !supportedCharsets.has(charsets[0] ?? '')) return null;
  return { transferSyntaxUid, specificCharacterSet: charsets, dataset };
}
