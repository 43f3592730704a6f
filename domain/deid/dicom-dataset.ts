/**
 * The dataset model the de-identification engine works on: an ordered list of elements whose values stay as the
 * raw bytes read from the file. Keeping raw bytes means retained values (names in ISO 2022 character sets, private
 * binary data) are written back byte for byte, and only what the profile changes is re-encoded.
 */
export interface DicomElement {
  /** (group << 16 | element) as an unsigned number. */
  readonly tag: number;
  readonly vr: string;
  /** Raw value bytes in the dataset's byte order; absent for sequences and encapsulated pixel data. */
  readonly value?: Uint8Array;
  /** Items of a sequence (SQ, or UN that holds an implicit-VR sequence). */
  readonly items?: readonly DicomDataset[];
  /** Encapsulated Pixel Data: the Basic Offset Table item first, then the fragments. */
  readonly fragments?: readonly Uint8Array[];
}

export type DicomDataset = readonly DicomElement[];

/** Builds the numeric tag from group and element. */
export function tagOf(group: number, element: number): number {
  return group * 0x10000 + element;
}

export function groupOf(tag: number): number {
  return Math.floor(tag / 0x10000);
}

export function elementOf(tag: number): number {
  return tag % 0x10000;
}

/** Formats a tag as `GGGGEEEE` (upper-case hex), the key used by the generated tables. */
export function tagKey(tag: number): string {
  return tag.toString(16).toUpperCase().padStart(8, '0');
}

export function isPrivateTag(tag: number): boolean {
  return groupOf(tag) % 2 === 1;
}

/** (gggg,0010)–(gggg,00FF) in an odd group reserve a private block and hold its creator name. */
export function isPrivateCreatorTag(tag: number): boolean {
  const element = elementOf(tag);
  return isPrivateTag(tag) && element >= 0x10 && element <= 0xff;
}

const latin1 = new TextDecoder('latin1');

/** Decodes an ASCII-compatible value (UI, CS, DA, TM, IS, LO creator names, …) and drops padding. */
export function asciiText(value: Uint8Array | undefined): string {
  if (!value || value.length === 0) return '';
  return latin1.decode(value).replace(/[\0 ]+$/, '').replace(/^ +/, '');
}

/** The backslash-separated values of a string element, each trimmed. */
export function asciiValues(value: Uint8Array | undefined): string[] {
  const text = asciiText(value);
  return text === '' ? [] : text.split('\\').map((part) => part.trim());
}

/** Encodes ASCII text as an even-length value, padded with NUL for UI and with a space otherwise (PS3.5 §6.2). */
export function encodeAscii(text: string, vr: string): Uint8Array {
  const padded = text.length % 2 === 1 ? text + (vr === 'UI' ? '\0' : ' ') : text;
  const bytes = new Uint8Array(padded.length);
  for (let index = 0; index < padded.length; index++) bytes[index] = padded.charCodeAt(index) & 0x7f;
  return bytes;
}

/** Finds the first element with a tag in a dataset. */
export function findElement(dataset: DicomDataset, tag: number): DicomElement | undefined {
  for (const element of dataset) if (element.tag === tag) return element;
  return undefined;
}

/** The trimmed text value of an ASCII-compatible element, or '' when absent. */
export function textOf(dataset: DicomDataset, tag: number): string {
  return asciiText(findElement(dataset, tag)?.value);
}

/** Reads an unsigned 16-bit value (US) honouring the dataset byte order. */
export function uint16Of(dataset: DicomDataset, tag: number, littleEndian: boolean): number | undefined {
  const value = findElement(dataset, tag)?.value;
  if (!value || value.length < 2) return undefined;
  return littleEndian ? value[0]! | (value[1]! << 8) : (value[0]! << 8) | value[1]!;
}

/** Returns a copy of the dataset with the element set (replaced or inserted in tag order). */
export function withElement(dataset: DicomDataset, element: DicomElement): DicomElement[] {
  const result = dataset.filter((existing) => existing.tag !== element.tag);
  const index = result.findIndex((existing) => existing.tag > element.tag);
  if (index < 0) result.push(element);
  else result.splice(index, 0, element);
  return result;
}
