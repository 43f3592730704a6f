import { describe, expect, it } from 'vitest';
import type { DicomDataset } from '../deid/dicom-dataset';
import { findElement } from '../deid/dicom-dataset';
import { kodWithRouting, readManifestRouting, restoreManifestRouting } from './routing-content';

const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const text = (value: Uint8Array | undefined) => String.fromCharCode(...(value ?? []));

function concept(value: string, scheme: string): DicomDataset {
  return [
    { tag: 0x00080100, vr: 'SH', value: bytes(value) },
    { tag: 0x00080102, vr: 'SH', value: bytes(scheme) },
  ];
}

function manifest(observer: string, kod: string): DicomDataset {
  return [
    { tag: 0x00100010, vr: 'PN', value: bytes('ANONYMIZED') },
    {
      tag: 0x0040a730,
      vr: 'SQ',
      items: [
        [{ tag: 0x0040a043, vr: 'SQ', items: [concept('121008', 'DCM')] }, { tag: 0x0040a123, vr: 'PN', value: bytes(observer) }],
        [{ tag: 0x0040a043, vr: 'SQ', items: [concept('113012', 'DCM')] }, { tag: 0x0040a160, vr: 'UT', value: bytes(kod) }],
      ],
    },
  ];
}

const contentValue = (dataset: DicomDataset, index: number, tag: number) =>
  text(findElement(findElement(dataset, 0x0040a730)?.items?.[index] ?? [], tag)?.value);

describe('manifest routing content', () => {
  it('puts the original observer name back into a de-identified manifest', () => {
    const original = manifest('Smith^Jane^^Dr^GMC1234567', 'owner=jsmith');
    const deidentified = manifest('ANONYMIZED', 'owner=jsmith');
    const restored = restoreManifestRouting(deidentified, readManifestRouting(original), (value) => value);
    expect(contentValue(restored, 0, 0x0040a123)).toBe('Smith^Jane^^Dr^GMC1234567');
    expect(text(findElement(restored, 0x00100010)?.value)).toBe('ANONYMIZED');
  });

  it('puts a removed KOD back, scrubbed, where it was', () => {
    const original = manifest('Smith^Jane', 'owner=jsmith about DOE');
    const withoutKod = manifest('ANONYMIZED', '').map((element) =>
      element.items ? { ...element, items: element.items.slice(0, 1) } : element,
    );
    const scrub = (value: Uint8Array) => bytes(text(value).replace('DOE', 'XXX'));
    const restored = restoreManifestRouting(withoutKod, readManifestRouting(original), scrub);
    expect(contentValue(restored, 1, 0x0040a160)).toBe('owner=jsmith about XXX');
  });

  it('restores an owner directive the scrub blanked and leaves the scrubbed note alone', () => {
    const restored = kodWithRouting(bytes('owner=12345678 Case of DOE'), bytes('owner=XXXXXXXX Case of XXX'));
    expect(text(restored)).toBe('owner=XXXXXXXX Case of XXX owner=12345678');
  });

  it('never restores folder or title text, which may name the patient', () => {
    const scrubbed = bytes('folder=Chest XXX title=XXX case');
    expect(kodWithRouting(bytes('folder=Chest DOE title=DOE case'), scrubbed)).toBe(scrubbed);
  });

  it('keeps the scrubbed KOD as it is when the owner survived', () => {
    const scrubbed = bytes('owner=jsmith seen XXXXXXXXXX');
    expect(kodWithRouting(bytes('owner=jsmith seen 12/03/2023'), scrubbed)).toBe(scrubbed);
  });
});
