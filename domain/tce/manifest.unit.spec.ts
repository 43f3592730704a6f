import { describe, expect, it } from 'vitest';
import { code } from '../dicom/coded-concept';
import { SopClass } from '../dicom/uid';
import { isAtfi, isTceManifest, readManifest } from './manifest';
import { image, manifest, srDocument, uid } from './testing/summaries';

const refs = [uid('a'), uid('b')];

describe('manifest recognition', () => {
  it.each([
    ['TCE001', 'IHERADTF', 'teaching-file'],
    ['128710', 'DCM', 'teaching-file'],
    ['TCE002', 'IHERADTF', 'clinical-trial'],
    ['128711', 'DCM', 'clinical-trial'],
    ['TCE007', 'IHERADTF', 'research-collection'],
    ['128713', 'DCM', 'research-collection'],
    ['TCE008', 'IHERADTF', 'publication'],
    ['128714', 'DCM', 'publication'],
  ])('recognises a KOS titled %s^%s as a %s manifest', (value, scheme, purpose) => {
    const m = manifest('m', { refs, title: code(value, scheme, 'whatever the sender wrote') });
    expect(readManifest(m)?.purpose).toBe(purpose);
  });

  it('does not treat a plain "Of Interest" KOS as a manifest', () => {
    expect(isTceManifest(manifest('m', { refs, title: code('113000', 'DCM', 'Of Interest') }))).toBe(false);
  });

  it('does not treat an SR with a TCE title as a manifest: the SOP class must be KOS', () => {
    const sr = srDocument('s', code('TCE001', 'IHERADTF', 'For Teaching File Export'), []);
    expect(isTceManifest(sr)).toBe(false);
    expect(isTceManifest(image('i'))).toBe(false);
  });

  it('matches the scheme case-insensitively but never on the meaning', () => {
    expect(isTceManifest(manifest('m', { refs, title: code('TCE001', 'iheradtf', 'For Teaching File Export') }))).toBe(true);
    expect(isTceManifest(manifest('m', { refs, title: code('TCE999', 'IHERADTF', 'For Teaching File Export') }))).toBe(false);
  });

  it('recognises ATFI by title in any SR class, both coding schemes', () => {
    for (const sopClass of [SopClass.basicTextSr, SopClass.enhancedSr, SopClass.comprehensiveSr]) {
      expect(isAtfi(srDocument('s', code('TCE006', 'IHERADTF', 'x'), [], sopClass))).toBe(true);
      expect(isAtfi(srDocument('s', code('128712', 'DCM', 'x'), [], sopClass))).toBe(true);
    }
    expect(isAtfi(srDocument('s', code('TCE001', 'IHERADTF', 'x'), []))).toBe(false);
  });
});

describe('reading a manifest', () => {
  it('expects the union of evidence and content references and reports the mismatch', () => {
    const m = readManifest(manifest('m', { refs: [uid('a'), uid('b')], contentRefs: [uid('b'), uid('c')] }));
    expect(m?.expected).toEqual([uid('a'), uid('b'), uid('c')].sort());
    expect(m?.referenceMismatch).toEqual({ onlyInEvidence: [uid('a')], onlyInContent: [uid('c')] });
  });

  it('reports no mismatch when both lists agree', () => {
    expect(readManifest(manifest('m', { refs }))?.referenceMismatch).toBeNull();
  });

  it.each([
    ['TCE011', 'IHERADTF', 'final-report'],
    ['TCE014', 'IHERADTF', 'histopathology'],
    ['TCE018', 'IHERADTF', 'expert-review'],
    ['128715', 'DCM', 'final-report'],
    ['128722', 'DCM', 'expert-review'],
  ])('reads the delay modifier %s^%s as %s', (value, scheme, reason) => {
    expect(readManifest(manifest('m', { refs, delay: code(value, scheme, '') }))?.delay?.reason).toBe(reason);
  });

  it('reads the KOD verbatim, the observer and the Identical Documents', () => {
    const m = readManifest(manifest('m', { refs, kod: '  owner=jsmith\nnote', observer: 'Smith^Jane^^Dr^GMC1234567', identical: [uid('other')] }));
    expect(m?.keyObjectDescription).toBe('  owner=jsmith\nnote');
    expect(m?.observerName).toBe('Smith^Jane^^Dr^GMC1234567');
    expect(m?.identicalDocuments).toEqual([uid('other')]);
  });
});
