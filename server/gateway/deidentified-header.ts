import { readFile } from 'node:fs/promises';
import { findElement, textOf } from '../../domain/deid/dicom-dataset';
import { readPart10 } from '../deid/codec/read-part10';

/** The de-identified attributes shown for review: what a reviewer checks besides the pixels. */
const SHOWN: ReadonlyArray<[string, number]> = [
  ['Patient Name', 0x00100010],
  ['Patient ID', 0x00100020],
  ['Patient Birth Date', 0x00100030],
  ['Patient Sex', 0x00100040],
  ['Study Date', 0x00080020],
  ['Accession Number', 0x00080050],
  ['Modality', 0x00080060],
  ['Study Description', 0x00081030],
  ['Series Description', 0x0008103e],
  ['Institution Name', 0x00080080],
  ['Burned In Annotation', 0x00280301],
  ['Patient Identity Removed', 0x00120062],
  ['De-identification Method', 0x00120063],
  ['Study Instance UID', 0x0020000d],
  ['SOP Instance UID', 0x00080018],
];

const utf8 = new TextDecoder('utf-8');
const latin1 = new TextDecoder('latin1');

/** Reads the shown attributes of a de-identified file; absent ones read "(absent)", empty ones "(empty)". */
export async function deidentifiedHeader(file: string): Promise<Record<string, string>> {
  const { dataset } = readPart10(await readFile(file));
  const charset = textOf(dataset, 0x00080005);
  const decode = charset.includes('ISO_IR 192') ? utf8 : latin1;
  const header: Record<string, string> = {};
  for (const [label, tag] of SHOWN) {
    const element = findElement(dataset, tag);
    if (!element) header[label] = '(absent)';
    else if (!element.value || element.value.length === 0) header[label] = '(empty)';
    else header[label] = decode.decode(element.value).replace(/[\0 ]+$/, '');
  }
  header['Has pixel data'] = findElement(dataset, 0x7fe00010) ? 'yes' : 'no';
  return header;
}
