import { describe, expect, it } from 'vitest';
import { deidentifyDataset, type KeyedPseudonyms } from './deidentify-dataset';
import type { DicomDataset, DicomElement } from './dicom-dataset';
import { asciiText, encodeAscii, findElement } from './dicom-dataset';
import { BASIC_PROFILE, type DeidOptions } from './options';

const keyed: KeyedPseudonyms = {
  remapUid: (uid) => `2.25.${[...uid].reduce((sum, char) => sum * 31 + char.charCodeAt(0), 7) % 1e12}`,
  patientPseudonym: (key) => `LB${key.length}`,
  dateShiftDays: (key) => (key === 'PID-1' ? -100 : -7),
};

const text = (tag: number, vr: string, value: string): DicomElement => ({ tag, vr, value: encodeAscii(value, vr) });

function instance(patientId: string, studyDate: string): DicomDataset {
  return [
    text(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.2'),
    text(0x00080018, 'UI', '1.2.3.4.5.6'),
    text(0x00080020, 'DA', studyDate),
    text(0x00080021, 'DA', studyDate),
    text(0x00080080, 'LO', 'ST ELSEWHERE HOSPITAL'),
    text(0x00081030, 'LO', 'CT HEAD for DOE JOHN 12.03.2020'),
    text(0x00081090, 'LO', 'SCANMODEL'),
    text(0x00100010, 'PN', 'DOE^JOHN'),
    text(0x00100020, 'LO', patientId),
    text(0x00100040, 'CS', 'M'),
    text(0x00101010, 'AS', '042Y'),
    text(0x00101030, 'DS', '80'),
    text(0x00181000, 'LO', 'SN-12345'),
    text(0x0020000d, 'UI', '1.2.3.4'),
    text(0x0020000e, 'UI', '1.2.3.4.5'),
    { tag: 0x00081140, vr: 'SQ', items: [[text(0x00081155, 'UI', '1.2.3.4.5.7')]] },
  ];
}

function run(options: Partial<DeidOptions>, dataset = instance('PID-1', '20200312')) {
  return deidentifyDataset(dataset, { ...BASIC_PROFILE, ...options }, keyed, { pixelsCleaned: false });
}

const valueOf = (dataset: DicomDataset, tag: number): string | undefined => {
  const element = findElement(dataset, tag);
  return element ? asciiText(element.value) : undefined;
};

describe('PS3.15 E.3 options', () => {
  it('Basic Profile removes patient characteristics, dates, institution and device identity and replaces UIDs', () => {
    const { dataset, methodCodes } = run({});
    expect(valueOf(dataset, 0x00100040)).toBe('');
    expect(valueOf(dataset, 0x00101010)).toBeUndefined();
    expect(valueOf(dataset, 0x00080020)).toBe('');
    expect(valueOf(dataset, 0x00080021)).toBeUndefined();
    expect(valueOf(dataset, 0x00080080)).toBeUndefined();
    expect(valueOf(dataset, 0x00181000)).toBeUndefined();
    expect(valueOf(dataset, 0x00081030)).toBeUndefined();
    expect(valueOf(dataset, 0x00100020)).toBe('LB5');
    expect(valueOf(dataset, 0x00080018)).toBe(keyed.remapUid('1.2.3.4.5.6'));
    expect(valueOf(dataset, 0x00120062)).toBe('YES');
    expect(valueOf(dataset, 0x00280303)).toBe('REMOVED');
    expect(methodCodes.map((code) => code.codeValue)).toEqual(['113100']);
  });

  it('Retain Patient Characteristics keeps sex, age and weight', () => {
    const { dataset, methodCodes } = run({ retainPatientCharacteristics: true });
    expect(valueOf(dataset, 0x00100040)).toBe('M');
    expect(valueOf(dataset, 0x00101010)).toBe('042Y');
    expect(valueOf(dataset, 0x00101030)).toBe('80');
    expect(methodCodes.map((code) => code.codeValue)).toContain('113108');
  });

  it('Retain Longitudinal Full Dates keeps dates and says UNMODIFIED', () => {
    const { dataset } = run({ retainLongitudinal: 'full' });
    expect(valueOf(dataset, 0x00080020)).toBe('20200312');
    expect(valueOf(dataset, 0x00280303)).toBe('UNMODIFIED');
  });

  it('Modified Dates shifts every date of one patient by the same keyed offset, so intervals stay exact', () => {
    const first = run({ retainLongitudinal: 'modified' }, instance('PID-1', '20200312'));
    const second = run({ retainLongitudinal: 'modified' }, instance('PID-1', '20200412'));
    const other = run({ retainLongitudinal: 'modified' }, instance('PID-2', '20200312'));
    expect(valueOf(first.dataset, 0x00080020)).toBe('20191203');
    expect(valueOf(first.dataset, 0x00080021)).toBe('20191203');
    expect(valueOf(second.dataset, 0x00080020)).toBe('20200103');
    expect(valueOf(other.dataset, 0x00080020)).toBe('20200305');
    expect(valueOf(first.dataset, 0x00280303)).toBe('MODIFIED');
    expect(first.methodCodes.map((code) => code.codeValue)).toContain('113107');
  });

  it('Retain UIDs keeps every UID, including references in sequences', () => {
    const { dataset, uidMap } = run({ retainUids: true });
    expect(valueOf(dataset, 0x00080018)).toBe('1.2.3.4.5.6');
    expect(asciiText(findElement(dataset, 0x00081140)?.items?.[0]?.[0]?.value)).toBe('1.2.3.4.5.7');
    expect(uidMap.size).toBe(0);
  });

  it('Retain Device Identity keeps the device serial number; Retain Institution Identity keeps the institution', () => {
    expect(valueOf(run({ retainDeviceIdentity: true }).dataset, 0x00181000)).toBe('SN-12345');
    expect(valueOf(run({ retainInstitutionIdentity: true }).dataset, 0x00080080)).toBe('ST ELSEWHERE HOSPITAL');
  });

  it('Clean Descriptors keeps the description but removes the patient name and dates in it, keeping its length', () => {
    const { dataset } = run({ cleanDescriptors: true });
    expect(valueOf(dataset, 0x00081030)).toBe('CT HEAD for XXX XXXX XXXXXXXXXX');
  });

  it('removes private elements, and Retain Safe Private keeps only those on the safe list with their creator', () => {
    const dataset: DicomDataset = [
      ...instance('PID-1', '20200312'),
      text(0x70530010, 'LO', 'Philips PET Private Group'),
      text(0x70531000, 'DS', '1.5'),
      text(0x70531001, 'LO', 'SECRET'),
      text(0x00090010, 'LO', 'GEMS_IDEN_01'),
      text(0x00091001, 'LO', 'CT01'),
    ];
    const basic = run({}, dataset).dataset;
    expect(basic.some((element) => Math.floor(element.tag / 0x10000) % 2 === 1)).toBe(false);
    const safe = run({ retainSafePrivate: true }, dataset).dataset.filter((element) => Math.floor(element.tag / 0x10000) % 2 === 1);
    expect(safe.map((element) => element.tag.toString(16))).toEqual(['70530010', '70531000']);
  });

  it('resolves X/Z/U* by IOD Type: Referenced Image Sequence is removed at the top level of a CT image', () => {
    expect(findElement(run({}).dataset, 0x00081140)).toBeUndefined();
  });
});
