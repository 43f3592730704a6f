import { describe, expect, it } from 'vitest';
import { code } from '../dicom/coded-concept';
import { readAtfi } from './atfi';
import { coded, srDocument, text } from './testing/summaries';

const ihe = (value: string, meaning: string) => code(value, 'IHERADTF', meaning);
const title = ihe('TCE006', 'Additional Teaching File Information');
const author = ihe('TCE101', 'Author');

describe('ATFI parsing', () => {
  it('reads nested Affiliation and Contact under the Author', () => {
    const atfi = readAtfi(
      srDocument('s', title, [
        text(author, 'Smith^Jane^^Dr^GMC1234567', {
          children: [
            text(ihe('TCE102', 'Affiliation'), 'Royal Infirmary', { rel: 'HAS PROPERTIES' }),
            text(ihe('TCE103', 'Contact'), 'jane@example.org', { rel: 'HAS PROPERTIES' }),
          ],
        }),
      ]),
    );
    expect(atfi?.authors).toEqual([{ name: 'Smith^Jane^^Dr^GMC1234567', gmcNumber: 'GMC1234567', affiliation: ['Royal Infirmary'], contact: ['jane@example.org'] }]);
  });

  it('attaches flat Affiliation and Contact to the author before them, or the first author', () => {
    const atfi = readAtfi(
      srDocument('s', title, [
        text(ihe('TCE102', 'Affiliation'), 'Early Hospital'),
        text(author, 'One^A'),
        text(ihe('TCE103', 'Contact'), 'one@example.org'),
        text(author, 'Two^B'),
        text(ihe('TCE102', 'Affiliation'), 'Two Hospital'),
      ]),
    );
    expect(atfi?.authors.map((a) => [a.name, a.affiliation, a.contact])).toEqual([
      ['One^A', ['Early Hospital'], ['one@example.org']],
      ['Two^B', ['Two Hospital'], []],
    ]);
  });

  it('keeps TEXT and CODE values of the 1-n rows as lists in order', () => {
    const atfi = readAtfi(
      srDocument('s', title, [
        text(ihe('TCE105', 'Keywords'), 'fracture'),
        coded(ihe('TCE105', 'Keywords'), code('RID4222', 'RADLEX', 'giant cell tumor')),
        text(code('121060', 'DCM', 'History'), 'fall'),
        coded(code('111023', 'DCM', 'Differential Diagnosis/Impression'), code('D1', '99X', 'abc')),
        text(code('111023', 'DCM', 'Differential Diagnosis/Impression'), 'def'),
        text(ihe('TCE107', 'Diagnosis'), 'GCT'),
        text(ihe('TCE108', 'Organ system'), 'MSK'),
        text(code('111042', 'DCM', 'Pathology'), 'giant cells'),
        coded(code('112005', 'DCM', 'Radiographic anatomy'), code('T-1', 'SRT', 'wrist')),
        text(code('121071', 'DCM', 'Finding'), 'lytic'),
        text(ihe('TCE106', 'Discussion'), 'classic'),
        coded(code('121139', 'DCM', 'Modality'), code('CT', 'DCM', 'Computed Tomography')),
      ]),
    );
    expect(atfi?.keywords).toEqual([
      { kind: 'text', text: 'fracture' },
      { kind: 'code', code: code('RID4222', 'RADLEX', 'giant cell tumor') },
    ]);
    expect(atfi?.differentialDiagnosis.map((v) => v.kind)).toEqual(['code', 'text']);
    expect([atfi?.history.length, atfi?.diagnosis.length, atfi?.organSystem.length, atfi?.pathology.length]).toEqual([1, 1, 1, 1]);
    expect([atfi?.anatomy.length, atfi?.findings.length, atfi?.discussion.length, atfi?.modality.length]).toEqual([1, 1, 1, 1]);
  });

  it.each([
    [ihe('TCE109', 'Category'), ihe('TCE306', 'Neuro'), 'neuro'],
    [code('128723', 'DCM', 'Teaching File Category'), code('128738', 'DCM', 'Breast'), 'breast'],
    [ihe('TCE109', 'Category'), code('128728', 'DCM', 'Musculoskeletal imaging subject matter'), 'musculoskeletal'],
  ])('maps the Category %o = %o to %s', (concept, value, expected) => {
    expect(readAtfi(srDocument('s', title, [coded(concept, value)]))?.category).toBe(expected);
  });

  it.each([
    [ihe('TCE110', 'Level'), ihe('TCE201', 'Primary'), 'primary'],
    [code('128724', 'DCM', 'Level of Difficulty'), code('128727', 'DCM', 'Advanced level'), 'advanced'],
  ])('maps the Level %o = %o to %s', (concept, value, expected) => {
    expect(readAtfi(srDocument('s', title, [coded(concept, value)]))?.level).toBe(expected);
  });

  it('reads Diagnosis confirmed by code, and takes the meaning when dcm4chee swapped Yes and No', () => {
    const confirmed = ihe('TCE111', 'Diagnoses confirmed');
    const plain = readAtfi(srDocument('s', title, [coded(confirmed, code('373066001', 'SCT', 'Yes'))]));
    expect(plain?.diagnosisConfirmed).toEqual(['yes']);
    expect(plain?.warnings.some((w) => w.includes('swap'))).toBe(false);
    const swapped = readAtfi(srDocument('s', title, [coded(confirmed, code('R-00339', 'SRT', 'Yes'))]));
    expect(swapped?.diagnosisConfirmed).toEqual(['yes']);
    expect(swapped?.warnings.some((w) => w.includes('dcm4chee'))).toBe(true);
  });

  it('honours the AGFAIMPAXEE vendor Title and keeps unknown items in extra', () => {
    const atfi = readAtfi(
      srDocument('s', title, [text(code('TF001', 'AGFAIMPAXEE', 'Title'), 'Vendor title'), text(code('X1', '99LOCAL', 'Teaching points'), 'tp')]),
    );
    expect(atfi?.vendorTitle).toBe('Vendor title');
    expect(atfi?.extra).toEqual([{ concept: code('X1', '99LOCAL', 'Teaching points'), value: { kind: 'text', text: 'tp' } }]);
  });

  it('warns about missing mandatory rows and joins repeated abstracts', () => {
    const atfi = readAtfi(srDocument('s', title, [text(ihe('TCE104', 'Abstract'), 'one'), text(ihe('TCE104', 'Abstract'), 'two')]));
    expect(atfi?.abstract).toBe('one\n\ntwo');
    expect(atfi?.warnings).toEqual(expect.arrayContaining([expect.stringContaining('Author'), expect.stringContaining('Category')]));
  });
});
