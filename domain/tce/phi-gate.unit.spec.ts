import { describe, expect, it } from 'vitest';
import { code } from '../dicom/coded-concept';
import { checkPhi, isValidNhsNumber, scanFreeText } from './phi-gate';
import { image, manifest, srDocument, text, uid } from './testing/summaries';

const codes = (verdict: ReturnType<typeof checkPhi>) => verdict.findings.map((f) => f.code);

describe('PHI gate', () => {
  it('passes a de-identified instance', () => {
    expect(checkPhi(image('a'))).toEqual({ quarantine: false, pixelReview: false, findings: [] });
  });

  it.each([[null], ['NO' as const], [{ invalid: 'Y' }]])('quarantines when Patient Identity Removed is %o', (pir) => {
    const verdict = checkPhi(image('a', { pir }));
    expect(verdict.quarantine).toBe(true);
    expect(codes(verdict)).toEqual(['PATIENT_IDENTITY_NOT_REMOVED']);
  });

  it('flags Burned In Annotation YES for pixel review without quarantining', () => {
    expect(checkPhi(image('a', { burnedIn: 'YES' }))).toMatchObject({ quarantine: false, pixelReview: true });
  });

  it('quarantines a manifest whose KOD holds a DICOM-style name or an NHS number', () => {
    expect(checkPhi(manifest('m', { refs: [uid('a')], kod: 'patient DOE^JOHN' })).quarantine).toBe(true);
    expect(checkPhi(manifest('m', { refs: [uid('a')], kod: 'NHS 943 476 5919' })).quarantine).toBe(true);
  });

  it('warns on dates and titled names in ATFI text but not in the Author item', () => {
    const sr = srDocument('s', code('TCE006', 'IHERADTF', 'ATFI'), [
      text(code('TCE101', 'IHERADTF', 'Author'), 'Smith^Jane^^Dr^GMC1234567'),
      text(code('121060', 'DCM', 'History'), 'Seen by Mr Jones on 12/03/2023.'),
    ]);
    const verdict = checkPhi(sr);
    expect(verdict.quarantine).toBe(false);
    expect(codes(verdict)).toEqual(['DATE_IN_TEXT', 'TITLED_NAME_IN_TEXT']);
  });

  it('recognises dates in the usual written forms', () => {
    for (const t of ['on 2023-03-12', '12.03.2023', 'born 19840212', '3rd March 2021']) {
      expect(scanFreeText(t, 'x').map((f) => f.code)).toContain('DATE_IN_TEXT');
    }
    expect(scanFreeText('in 2023 a series of 120 cases', 'x')).toEqual([]);
  });

  it('checks the NHS number check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(scanFreeText('phone 0123 456 7890', 'x').map((f) => f.code)).not.toContain('NHS_NUMBER_IN_TEXT');
  });
});
