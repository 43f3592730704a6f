import { describe, expect, it } from 'vitest';
import { buildPart10Header } from '../../server/dicom/part10-header';
import { parseDicomInstance } from '../../server/dicom/parse';
import { decidePresentationContext, isAcceptedStorageClass } from '../../server/dicom/presentation';
import { datasetBytes } from './part10-bytes';
import { readFileSync } from 'node:fs';
import { fixture } from './dcmtk';

const IVRLE = '1.2.840.10008.1.2';
const EVRLE = '1.2.840.10008.1.2.1';
const J2K = '1.2.840.10008.1.2.4.91';

describe('presentation context negotiation', () => {
  it('accepts every storage class, standard or private, and refuses non-storage services', () => {
    for (const uid of ['1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.5.1.4.1.1.88.59', '1.2.840.10008.5.1.4.1.1.104.1', '1.2.840.10008.5.1.4.1.1.11.1', '1.2.840.10008.5.1.4.38.1', '1.3.12.2.1107.5.9.1']) {
      expect(isAcceptedStorageClass(uid)).toBe(true);
    }
    for (const uid of ['1.2.840.10008.5.1.4.1.2.2.1', '1.2.840.10008.3.1.2.3.3', '1.2.840.10008.1.20.1', '1.2.840.10008.5.1.4.31']) {
      expect(isAcceptedStorageClass(uid)).toBe(false);
    }
  });

  it('accepts exactly one transfer syntax: the first proposed that is supported', () => {
    expect(decidePresentationContext('1.2.840.10008.5.1.4.1.1.2', ['1.2.840.10008.1.2.2', J2K, EVRLE, IVRLE])).toEqual({ accept: true, transferSyntaxUid: J2K });
    expect(decidePresentationContext('1.2.840.10008.5.1.4.1.1.2', [IVRLE])).toEqual({ accept: true, transferSyntaxUid: IVRLE });
    expect(decidePresentationContext('1.2.840.10008.5.1.4.1.1.2', ['1.2.3.4.5'])).toEqual({ accept: false, reason: 'transfer-syntaxes-not-supported' });
  });

  it('accepts verification in uncompressed syntaxes only', () => {
    expect(decidePresentationContext('1.2.840.10008.1.1', [J2K, EVRLE])).toEqual({ accept: true, transferSyntaxUid: EVRLE });
    expect(decidePresentationContext('1.2.840.10008.5.1.4.1.2.2.1', [EVRLE])).toEqual({ accept: false, reason: 'abstract-syntax-not-supported' });
  });
});

describe('Part 10 header for received datasets', () => {
  it('makes a file any reader accepts, with the dataset bytes untouched', () => {
    const original = readFileSync(fixture('ct-1'));
    const summary = parseDicomInstance(original);
    const rebuilt = Buffer.concat([
      buildPart10Header({ sopClassUid: summary.sopClassUid, sopInstanceUid: summary.sopInstanceUid, transferSyntaxUid: EVRLE }),
      datasetBytes(original),
    ]);
    expect(parseDicomInstance(rebuilt)).toEqual(summary);
    expect(datasetBytes(rebuilt).equals(datasetBytes(original))).toBe(true);
  });
});
