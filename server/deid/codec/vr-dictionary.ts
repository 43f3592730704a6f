import dcmjs from 'dcmjs';
import { tagOf } from '../../../domain/deid/dicom-dataset';

interface DictionaryEntry {
  tag: string;
  vr: string;
  name: string;
}

const AMBIGUOUS_VRS: Record<string, string> = { ox: 'OW', xs: 'US', lt: 'US', up: 'UL', na: 'UN' };

function buildVrByTag(): Map<number, string> {
  const nameMap = (dcmjs as { data: { DicomMetaDictionary: { nameMap: Record<string, DictionaryEntry> } } }).data
    .DicomMetaDictionary.nameMap;
  const result = new Map<number, string>();
  for (const key of Reflect.ownKeys(nameMap)) {
    const entry = nameMap[key as string];
    if (!entry) continue;
    const match = /^\(([0-9A-F]{4}),([0-9A-F]{4})\)$/i.exec(entry.tag);
    if (!match) continue;
    result.set(tagOf(parseInt(match[1]!, 16), parseInt(match[2]!, 16)), AMBIGUOUS_VRS[entry.vr] ?? entry.vr);
  }
  return result;
}

const vrByTag = buildVrByTag();

/**
 * The dictionary VR of a tag, used to read Implicit VR datasets. Private creators are LO by definition
 * (PS3.5 §7.8.1); repeating overlay groups get their Overlay Plane Module VRs; anything else unknown is UN.
 */
export function dictionaryVr(tag: number): string {
  const known = vrByTag.get(tag);
  if (known) return known;
  const group = Math.floor(tag / 0x10000);
  const element = tag % 0x10000;
  if (group % 2 === 1) return element >= 0x10 && element <= 0xff ? 'LO' : 'UN';
  if (element === 0) return 'UL';
  if (group >= 0x6000 && group <= 0x60ff) return OVERLAY_VRS[element] ?? 'UN';
  return 'UN';
}

const OVERLAY_VRS: Record<number, string> = {
  0x0010: 'US', 0x0011: 'US', 0x0015: 'IS', 0x0022: 'LO', 0x0040: 'CS', 0x0045: 'LO', 0x0050: 'SS', 0x0051: 'US',
  0x0100: 'US', 0x0102: 'US', 0x1500: 'LO', 0x1301: 'IS', 0x1302: 'DS', 0x1303: 'DS', 0x3000: 'OW', 0x4000: 'LT',
};
