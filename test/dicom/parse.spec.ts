import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DicomParseError, parseDicomInstance, parseStoredInstance, storeStatusForError } from '../../server/dicom/parse';
import { fixture } from './dcmtk';

const bytes = (name: string) => readFileSync(fixture(name));

function parseError(data: Uint8Array): DicomParseError {
  try {
    parseDicomInstance(data);
  } catch (error) {
    if (error instanceof DicomParseError) return error;
    throw error;
  }
  throw new Error('parsed without error');
}

describe('parsing received DICOM', () => {
  it('summarises an image: UIDs, modality, body part, procedure code, numbers and de-identification flags', () => {
    const s = parseDicomInstance(bytes('ct-2'));
    expect(s).toMatchObject({
      sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
      modality: 'CT',
      bodyPartExamined: 'CHEST',
      procedureCode: { value: 'RPID16', scheme: 'RADLEX' },
      seriesNumber: 1,
      instanceNumber: 2,
      patientIdentityRemoved: 'YES',
      burnedInAnnotation: 'NO',
      sr: null,
    });
    expect(s.deidentificationMethodCodes[0]?.value).toBe('113100');
  });

  it('reads Implicit VR and JPEG Lossless files and reports their transfer syntax', () => {
    expect(parseDicomInstance(bytes('ct-implicit')).transferSyntaxUid).toBe('1.2.840.10008.1.2');
    expect(parseDicomInstance(bytes('ct-1-jpeg-lossless')).transferSyntaxUid).toBe('1.2.840.10008.1.2.4.70');
  });

  it('reports an absent Patient Identity Removed as null', () => {
    expect(parseDicomInstance(bytes('ct-no-pir')).patientIdentityRemoved).toBeNull();
  });

  it('gives a KOS its SR document: title, template, evidence at depth and the content tree', () => {
    const sr = parseDicomInstance(bytes('kos-two-study-ct')).sr;
    expect(sr?.title).toMatchObject({ value: 'TCE001', scheme: 'IHERADTF' });
    expect(sr?.templateId).toBe('2010');
    expect(sr?.currentEvidence).toHaveLength(3);
    expect(sr?.currentEvidence[0]?.studyInstanceUid).toBe(parseDicomInstance(bytes('ct-1')).studyInstanceUid);
    expect(sr?.identicalDocuments).toHaveLength(1);
    expect(sr?.root.children.map((c) => c.valueType)).toEqual(['CODE', 'PNAME', 'IMAGE', 'IMAGE', 'IMAGE']);
  });

  it('calls a file cut inside the pixel data truncated, and so does a file cut in its header', () => {
    const full = bytes('ct-1');
    expect(parseError(full.subarray(0, full.length - 10)).code).toBe('DICOM_TRUNCATED');
    expect(parseError(full.subarray(0, 400)).code).toBe('DICOM_TRUNCATED');
  });

  it('refuses bytes that are not Part 10', () => {
    expect(parseError(Buffer.from('not dicom at all'.repeat(20))).code).toBe('DICOM_NOT_PART10');
  });

  it('checks the dataset against the C-STORE command', () => {
    const ct = bytes('ct-1');
    const s = parseDicomInstance(ct);
    expect(() => parseStoredInstance(ct, { sopClassUid: '1.2.840.10008.5.1.4.1.1.4', sopInstanceUid: s.sopInstanceUid })).toThrow(
      expect.objectContaining({ code: 'DICOM_SOP_CLASS_MISMATCH' }),
    );
    expect(() => parseStoredInstance(ct, { sopClassUid: s.sopClassUid, sopInstanceUid: '1.2.3' })).toThrow(
      expect.objectContaining({ code: 'DICOM_SOP_INSTANCE_MISMATCH' }),
    );
  });

  it('maps errors to C-STORE statuses', () => {
    expect(storeStatusForError(new DicomParseError('DICOM_TRUNCATED', ''))).toBe(0xc000);
    expect(storeStatusForError(new DicomParseError('DICOM_SOP_CLASS_MISMATCH', ''))).toBe(0xa900);
    expect(storeStatusForError(new DicomParseError('DICOM_MISSING_ATTRIBUTE', ''))).toBe(0xa900);
    expect(storeStatusForError(new Error('ENOSPC'))).toBe(0xa700);
  });
});
