import dcmjs from 'dcmjs';
import type { DicomDataset, DicomElement } from '../../../domain/deid/dicom-dataset';
import { asciiText, tagOf } from '../../../domain/deid/dicom-dataset';
import type { AttributeLookup } from '../../../domain/deid/pixel-region-matching';

const nameMap = (dcmjs as { data: { DicomMetaDictionary: { nameMap: Record<string, { tag: string }> } } }).data.DicomMetaDictionary.nameMap;

function tagOfAttribute(attribute: string): number | undefined {
  const bracketed = /^\[([0-9A-F]{4}),([0-9A-F]{4})\]$/i.exec(attribute);
  const tagText = bracketed ? `(${bracketed[1]},${bracketed[2]})` : nameMap[attribute]?.tag;
  const match = tagText ? /^\(([0-9A-F]{4}),([0-9A-F]{4})\)$/i.exec(tagText) : null;
  return match ? tagOf(parseInt(match[1]!, 16), parseInt(match[2]!, 16)) : undefined;
}

function numberText(element: DicomElement, littleEndian: boolean): string | undefined {
  const value = element.value;
  if (!value) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const readers: Record<string, [number, (offset: number) => number]> = {
    US: [2, (offset) => view.getUint16(offset, littleEndian)], SS: [2, (offset) => view.getInt16(offset, littleEndian)],
    UL: [4, (offset) => view.getUint32(offset, littleEndian)], SL: [4, (offset) => view.getInt32(offset, littleEndian)],
    FL: [4, (offset) => view.getFloat32(offset, littleEndian)], FD: [8, (offset) => view.getFloat64(offset, littleEndian)],
  };
  const reader = readers[element.vr];
  if (!reader) return undefined;
  const values: number[] = [];
  for (let offset = 0; offset + reader[0] <= value.length; offset += reader[0]) values.push(reader[1](offset));
  return values.join('\\');
}

function find(dataset: DicomDataset, tag: number): DicomElement | undefined {
  for (const element of dataset) {
    if (element.tag === tag) return element;
  }
  for (const element of dataset) {
    for (const item of element.items ?? []) {
      const nested = find(item, tag);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Reads attributes by keyword or `[gggg,eeee]` for the region libraries: top level first, then inside sequences. */
export function attributeLookup(meta: DicomDataset, dataset: DicomDataset, littleEndian: boolean): AttributeLookup {
  return (attribute) => {
    const tag = tagOfAttribute(attribute);
    if (tag === undefined) return undefined;
    const element = tag < 0x00030000 ? meta.find((candidate) => candidate.tag === tag) : find(dataset, tag);
    if (!element) return undefined;
    return numberText(element, tag < 0x00030000 ? true : littleEndian) ?? asciiText(element.value);
  };
}
