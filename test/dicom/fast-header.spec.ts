import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readSummaryAttributes } from '../../server/dicom/fast-header';
import { parseDicomInstance } from '../../server/dicom/parse';
import { buildPart10Header } from '../../server/dicom/part10-header';
import { fixturesDir } from './dcmtk';

const CT = '1.2.840.10008.5.1.4.1.1.2';
const IMPLICIT = '1.2.840.10008.1.2';

/** One Implicit VR Little Endian element; `length` overrides the value's length (0xFFFFFFFF = undefined). */
function implicit(group: number, element: number, value: Buffer | string, length?: number): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value.length % 2 ? `${value} ` : value, 'latin1') : value;
  const header = Buffer.alloc(8);
  header.writeUInt16LE(group, 0);
  header.writeUInt16LE(element, 2);
  header.writeUInt32LE(length ?? bytes.length, 4);
  return Buffer.concat([header, bytes]);
}

const item = (...elements: Buffer[]) => implicit(0xfffe, 0xe000, Buffer.concat([...elements, implicit(0xfffe, 0xe00d, Buffer.alloc(0))]), 0xffffffff);
const sequenceEnd = () => implicit(0xfffe, 0xe0dd, Buffer.alloc(0));

function implicitFile(charset: string, description: Buffer | string): Buffer {
  const uid = (value: string) => Buffer.from(value.length % 2 ? `${value}\0` : value, 'latin1');
  const dataset = Buffer.concat([
    implicit(0x0008, 0x0005, charset),
    implicit(0x0008, 0x0016, uid(CT)),
    implicit(0x0008, 0x0018, uid('1.2.3.4.5')),
    implicit(0x0008, 0x0060, 'CT'),
    implicit(0x0008, 0x1032, Buffer.concat([item(implicit(0x0008, 0x0100, 'RPID16'), implicit(0x0008, 0x0102, 'RADLEX'), implicit(0x0008, 0x0104, 'CT CHEST')), sequenceEnd()]), 0xffffffff),
    implicit(0x0008, 0x103e, description),
    implicit(0x0009, 0x0010, 'PRIVATE CREATOR'),
    implicit(0x0009, 0x1001, Buffer.concat([item(implicit(0x0009, 0x0010, 'NESTED'), implicit(0x0008, 0x0100, 'IGNORED')), sequenceEnd()]), 0xffffffff),
    implicit(0x0010, 0x0020, 'PSEUDO-1'),
    implicit(0x0012, 0x0062, 'YES'),
    implicit(0x0012, 0x0063, 'Method A\\Method B'),
    implicit(0x0020, 0x000d, uid('1.2.3.4')),
    implicit(0x0020, 0x000e, uid('1.2.3.4.1')),
    implicit(0x0020, 0x0013, ' 7'),
    implicit(0x0028, 0x0010, Buffer.from([0x00, 0x02])),
    implicit(0x0028, 0x0011, Buffer.from([0x00, 0x02])),
    implicit(0x7fe0, 0x0010, Buffer.alloc(16)),
  ]);
  return Buffer.concat([buildPart10Header({ sopClassUid: CT, sopInstanceUid: '1.2.3.4.5', transferSyntaxUid: IMPLICIT }), dataset]);
}

describe('summary attributes read without dcmjs', () => {
  it('gives the same summary as dcmjs for every TCE fixture', () => {
    const files = readdirSync(fixturesDir).filter((f) => f.endsWith('.dcm'));
    expect(files.length).toBeGreaterThan(10);
    for (const name of files) {
      const bytes = readFileSync(`${fixturesDir}/${name}`);
      expect(parseDicomInstance(bytes), name).toEqual(parseDicomInstance(bytes, { reader: 'dcmjs' }));
    }
  });

  it('reads an Implicit VR file with undefined-length sequences, private ones skipped, like dcmjs', () => {
    const bytes = implicitFile('ISO_IR 192', Buffer.from('Thorax — Übersicht', 'utf8'));
    expect(readSummaryAttributes(bytes)).not.toBeNull();
    const summary = parseDicomInstance(bytes);
    expect(summary).toEqual(parseDicomInstance(bytes, { reader: 'dcmjs' }));
    expect(summary).toMatchObject({
      seriesDescription: 'Thorax — Übersicht',
      procedureCode: { value: 'RPID16', scheme: 'RADLEX' },
      deidentificationMethod: ['Method A', 'Method B'],
      instanceNumber: 7,
      rows: 512,
    });
  });

  it('leaves Latin-1 text and ISO 2022 character sets to dcmjs', () => {
    const latin1 = implicitFile('ISO_IR 100', Buffer.from('Poumon gauche é', 'latin1'));
    expect(readSummaryAttributes(latin1)).toBeNull();
    expect(parseDicomInstance(latin1).seriesDescription).toBe('Poumon gauche é');
    expect(readSummaryAttributes(implicitFile('ISO 2022 IR 87', 'plain'))).toBeNull();
  });

  it('gives up on a header cut short, which then fails exactly as it does with dcmjs', () => {
    const bytes = implicitFile('ISO_IR 192', 'plain');
    const cut = buildPart10Header({ sopClassUid: CT, sopInstanceUid: '1.2.3.4.5', transferSyntaxUid: IMPLICIT }).length + 90;
    expect(readSummaryAttributes(bytes.subarray(0, cut))).toBeNull();
    const codeOf = (reader: 'fast' | 'dcmjs') => {
      try {
        parseDicomInstance(bytes.subarray(0, cut), { reader });
        return 'parsed';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    expect(codeOf('fast')).toMatch(/^DICOM_(TRUNCATED|MALFORMED)$/);
    expect(codeOf('fast')).toBe(codeOf('dcmjs'));
  });
});
