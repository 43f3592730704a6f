import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readAtfi } from '../../domain/tce/atfi';
import { readManifest } from '../../domain/tce/manifest';
import { parseKodDirectives } from '../../domain/tce/kod-directives';
import { checkPhi } from '../../domain/tce/phi-gate';
import { decideTceInbox, tceInboxDecider } from '../../domain/tce/submission-decide';
import { asSubmissionId, type TceInboxEvent } from '../../domain/tce/submission-types';
import { parseDicomInstance } from '../../server/dicom/parse';
import { fixture } from './dcmtk';

const parse = (name: string) => parseDicomInstance(readFileSync(fixture(name)));

/** Receiver acceptance tests of tce.md §9 over objects written by pydicom (make-fixtures.py), not by Lightbox. */
describe('TCE fixtures made by another producer', () => {
  it('recognises IHERADTF, DCM-only and TCE008 manifest titles, and not a plain KOS', () => {
    expect(readManifest(parse('kos-tce001'))?.purpose).toBe('teaching-file');
    expect(readManifest(parse('kos-dcm-128710'))?.purpose).toBe('teaching-file');
    expect(readManifest(parse('kos-tce008'))?.purpose).toBe('publication');
    expect(readManifest(parse('kos-not-tce'))).toBeNull();
  });

  it('lists the referenced images and the ATFI as the expected set', () => {
    const m = readManifest(parse('kos-tce001'));
    const expected = ['ct-1', 'ct-2', 'ct-3', 'atfi-nested'].map((n) => parse(n).sopInstanceUid).sort();
    expect(m?.expected).toEqual(expected);
    expect(m?.observerName).toBe('Smith^Jane^^Dr^GMC1234567');
    expect(parseKodDirectives(m?.keyObjectDescription ?? null)).toMatchObject({ owner: 'jsmith', folder: 'Chest', category: 'MSK' });
  });

  it('warns when content references and evidence differ, and uses the union', () => {
    const m = readManifest(parse('kos-mismatch'));
    expect(m?.expected).toHaveLength(3);
    expect(m?.referenceMismatch?.onlyInContent).toEqual([parse('ct-3').sopInstanceUid]);
  });

  it('reads delay reasons in both schemes', () => {
    expect(readManifest(parse('kos-delay'))?.delay?.reason).toBe('clinical-information');
    expect(readManifest(parse('kos-delay-dcm'))?.delay?.reason).toBe('histopathology');
  });

  it('reads MIRC directives', () => {
    expect(parseKodDirectives(readManifest(parse('kos-mirc'))?.keyObjectDescription ?? null)).toMatchObject({ owner: 'jsmith', title: 'MIRC titled case' });
  });

  it('decodes ISO_IR 192 text in the KOD, the observer and nested ATFI items', () => {
    const m = readManifest(parse('kos-utf8'));
    expect(m?.keyObjectDescription).toBe('Fall von Prof. Müller — 脳腫瘍 title=Zürich case');
    expect(m?.observerName).toBe('Müller^Jürgen^^Dr^GMC7654321');
    const atfi = readAtfi(parse('atfi-nested'));
    expect(atfi?.authors[0]).toMatchObject({ name: 'Müller^Jürgen^^Dr^GMC7654321', gmcNumber: 'GMC7654321', affiliation: ['Département de Radiologie, Hôpital Nord'] });
  });

  it('parses a nested ATFI with CODE keywords, DCM Category/Level, the Yes/No swap, a vendor title and extras', () => {
    const atfi = readAtfi(parse('atfi-nested'));
    expect(atfi).toMatchObject({ category: 'musculoskeletal', level: 'intermediate', diagnosisConfirmed: ['yes'], vendorTitle: 'Giant cell tumour — distal radius' });
    expect(atfi?.keywords.map((k) => k.kind)).toEqual(['text', 'code']);
    expect(atfi?.differentialDiagnosis).toHaveLength(2);
    expect(atfi?.extra).toHaveLength(1);
    expect(atfi?.warnings.some((w) => w.includes('dcm4chee'))).toBe(true);
    expect(atfi?.abstract?.split('\n')[0]).toBe('Lytic lesion of the distal radius — giant cell tumour');
  });

  it('parses a flat ATFI in a Comprehensive SR with IHERADTF Category and Level', () => {
    const atfi = readAtfi(parse('atfi-flat'));
    expect(atfi).toMatchObject({ category: 'pulmonary', level: 'advanced', diagnosisConfirmed: ['yes'] });
    expect(atfi?.authors[0]).toMatchObject({ gmcNumber: 'GMC2222222', affiliation: ['St Elsewhere'], contact: ['asha@example.org'] });
    expect(atfi?.keywords).toHaveLength(2);
  });

  it('quarantines objects without Patient Identity Removed and PHI in the KOD; flags burned-in pixels', () => {
    expect(checkPhi(parse('ct-no-pir')).quarantine).toBe(true);
    expect(checkPhi(parse('kos-no-pir')).quarantine).toBe(true);
    expect(checkPhi(parse('kos-phi-kod')).findings.map((f) => f.code)).toEqual(['PERSON_NAME_IN_TEXT', 'NHS_NUMBER_IN_TEXT', 'DATE_IN_TEXT']);
    expect(checkPhi(parse('ct-burned-in'))).toMatchObject({ quarantine: false, pixelReview: true });
    expect(checkPhi(parse('kos-tce001')).findings).toEqual([]);
  });

  it('assembles the two-study Identical Documents selection into one submission, in any order', () => {
    const names = ['mr-1', 'kos-two-study-ct', 'ct-2', 'kos-two-study-mr', 'ct-1', 'mr-2', 'ct-3'];
    let state = tceInboxDecider.initialState();
    const events: TceInboxEvent[] = [];
    names.forEach((name, i) => {
      const summary = parse(name);
      const produced = decideTceInbox(
        {
          type: 'StageInstance',
          data: {
            summary,
            sha256: `sha-${name}`,
            receivedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, i)).toISOString(),
            channel: { transport: 'dimse', associationId: 'x', callingAet: 'PACS', calledAet: 'LIGHTBOX', peerAddress: '127.0.0.1' },
            newSubmissionId: asSubmissionId(`s-${i}`),
          },
        },
        state,
      );
      events.push(...produced);
      state = produced.reduce(tceInboxDecider.evolve, state);
    });
    expect(state.submissions.size).toBe(1);
    const completed = events.filter((e) => e.type === 'SubmissionCompleted');
    expect(completed).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('SubmissionCompleted');
  });
});
