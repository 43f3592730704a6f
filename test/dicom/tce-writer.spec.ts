import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { code } from '../../domain/dicom/coded-concept';
import { asSeriesInstanceUid, asSopClassUid, asSopInstanceUid, asStudyInstanceUid } from '../../domain/dicom/uid';
import { readAtfi } from '../../domain/tce/atfi';
import type { DocumentContext, SelectedInstance } from '../../domain/tce/document-model';
import { readManifest } from '../../domain/tce/manifest';
import { parseDicomInstance } from '../../server/dicom/parse';
import { writeAtfi, writeKos } from '../../server/dicom/write-sr';
import { freshTempDir } from './dcmtk';

const context = (n: number): DocumentContext => ({
  patientName: 'TCE^ANON',
  patientId: 'ANON-7',
  studyInstanceUid: asStudyInstanceUid('2.25.1001'),
  studyDate: '20240102',
  studyTime: '101500',
  seriesInstanceUid: asSeriesInstanceUid(`2.25.2000${n}`),
  seriesNumber: 900 + n,
  sopInstanceUid: asSopInstanceUid(`2.25.3000${n}`),
  instanceNumber: 1,
  contentDate: '20240103',
  contentTime: '120000',
  manufacturer: 'Lightbox',
});

const selected = (sop: string, sopClass = '1.2.840.10008.5.1.4.1.1.2'): SelectedInstance => ({
  studyInstanceUid: asStudyInstanceUid('2.25.1001'),
  seriesInstanceUid: asSeriesInstanceUid('2.25.1002'),
  sopClassUid: asSopClassUid(sopClass),
  sopInstanceUid: asSopInstanceUid(sop),
});

/** dciodvfy (dicom3tools) output: it reports IOD violations as lines starting with "Error". */
async function dciodvfy(bytes: Buffer): Promise<string> {
  const file = join(await freshTempDir('dciodvfy'), 'object.dcm');
  await writeFile(file, bytes);
  return new Promise((done) => execFile('dciodvfy', [file], (_error, stdout, stderr) => done(`${stdout}${stderr}`)));
}

const errorLines = (report: string) => report.split('\n').filter((line) => /^Error/.test(line));

describe('TCE object builder', () => {
  it.each(['IHERADTF', 'DCM'] as const)('writes a %s-coded KOS manifest that dciodvfy accepts and our reader understands', async (scheme) => {
    const bytes = writeKos({
      context: context(1),
      purpose: 'teaching-file',
      scheme,
      delay: 'histopathology',
      keyObjectDescription: 'owner=jsmith Fall von Prof. Müller — 脳腫瘍',
      observerName: 'Smith^Jane^^Dr^GMC1234567',
      references: [selected('2.25.51'), selected('2.25.52'), selected('2.25.53', '1.2.840.10008.5.1.4.1.1.88.11')],
      identicalDocuments: [selected('2.25.99', '1.2.840.10008.5.1.4.1.1.88.59')],
    });
    const report = await dciodvfy(bytes);
    expect(report).toContain('KeyObjectSelectionDocument');
    expect(errorLines(report)).toEqual([]);
    const manifest = readManifest(parseDicomInstance(bytes));
    expect(manifest).toMatchObject({
      purpose: 'teaching-file',
      delay: { reason: 'histopathology' },
      keyObjectDescription: 'owner=jsmith Fall von Prof. Müller — 脳腫瘍',
      observerName: 'Smith^Jane^^Dr^GMC1234567',
      expected: ['2.25.51', '2.25.52', '2.25.53'],
      referenceMismatch: null,
      identicalDocuments: ['2.25.99'],
    });
    expect(manifest?.title.scheme).toBe(scheme);
  });

  it.each(['IHERADTF', 'DCM'] as const)('writes a %s-coded ATFI Basic Text SR that dciodvfy accepts and reads back', async (scheme) => {
    const bytes = writeAtfi({
      context: context(2),
      scheme,
      authors: [{ name: 'Müller^Jürgen^^Dr^GMC7654321', affiliation: 'Hôpital Nord', contact: 'jm@example.org' }],
      abstract: 'Lytic lesion\nsecond line',
      keywords: [{ kind: 'text', text: 'GCT' }, { kind: 'code', code: code('RID4222', 'RADLEX', 'giant cell tumor') }],
      history: [{ kind: 'text', text: 'wrist pain' }],
      diagnosis: [{ kind: 'text', text: 'Giant cell tumour' }],
      modality: [code('CR', 'DCM', 'Computed Radiography')],
      category: 'musculoskeletal',
      level: 'intermediate',
      diagnosisConfirmed: 'yes',
      title: 'GCT of the distal radius',
    });
    const report = await dciodvfy(bytes);
    expect(report).toContain('BasicTextSR');
    expect(errorLines(report)).toEqual([]);
    const atfi = readAtfi(parseDicomInstance(bytes));
    expect(atfi).toMatchObject({
      authors: [{ name: 'Müller^Jürgen^^Dr^GMC7654321', gmcNumber: 'GMC7654321', affiliation: ['Hôpital Nord'], contact: ['jm@example.org'] }],
      abstract: 'Lytic lesion\nsecond line',
      category: 'musculoskeletal',
      level: 'intermediate',
      diagnosisConfirmed: ['yes'],
      vendorTitle: 'GCT of the distal radius',
      warnings: [],
    });
    expect(atfi?.keywords).toHaveLength(2);
  });

  it('is caught by dciodvfy when a mandatory attribute is missing, so the check above can fail', async () => {
    const bytes = writeKos({ context: { ...context(3), contentDate: '' }, purpose: 'publication', scheme: 'DCM', references: [selected('2.25.61')] });
    expect(errorLines(await dciodvfy(bytes)).length).toBeGreaterThan(0);
  });
});
