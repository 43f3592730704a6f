import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseDicomInstance } from '../../server/dicom/parse';
import { buildStowResponse, parseStowRequest, StowRequestError } from '../../server/dicom/stow';
import { fixture } from './dcmtk';

const boundary = 'lightbox-boundary_42';
const contentType = `multipart/related; type="application/dicom"; boundary=${boundary}`;

function multipart(parts: Array<{ bytes: Buffer; type?: string }>, b = boundary): Buffer {
  const chunks: Buffer[] = [Buffer.from('preamble to ignore\r\n')];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${b}\r\nContent-Type: ${part.type ?? 'application/dicom'}\r\n\r\n`), part.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${b}--\r\nepilogue`));
  return Buffer.concat(chunks);
}

async function refusal(promise: Promise<unknown>): Promise<StowRequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StowRequestError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('STOW-RS request parsing', () => {
  const ct1 = readFileSync(fixture('ct-1'));
  const kos = readFileSync(fixture('kos-tce001'));

  it('splits a body into Part 10 parts, byte for byte, including CRLFs inside the data', async () => {
    const tricky = Buffer.concat([ct1, Buffer.from('\r\n--not-the-boundary\r\n')]);
    const parts = await parseStowRequest(contentType, multipart([{ bytes: tricky }, { bytes: kos }]), 1e6);
    expect(parts.map((p) => p.contentType)).toEqual(['application/dicom', 'application/dicom']);
    expect(parts[0]?.bytes.equals(tricky)).toBe(true);
    expect(parseDicomInstance(parts[1]!.bytes).sopInstanceUid).toBe(parseDicomInstance(kos).sopInstanceUid);
  });

  it('reads a streamed body', async () => {
    const body = multipart([{ bytes: ct1 }]);
    const stream = Readable.from([body.subarray(0, 100), body.subarray(100)]);
    expect(await parseStowRequest(contentType, stream, 1e6)).toHaveLength(1);
  });

  it('refuses a body that is not multipart with 415 and a reason', async () => {
    const error = await refusal(parseStowRequest('application/dicom', ct1, 1e6));
    expect([error.status, error.code]).toEqual([415, 'STOW_NOT_MULTIPART']);
    expect(error.message).toContain('multipart/related');
    expect((await refusal(parseStowRequest(`multipart/related; type="application/dicom+json"; boundary=x`, ct1, 1e6))).status).toBe(415);
  });

  it('refuses a missing or absent boundary with 400', async () => {
    expect((await refusal(parseStowRequest('multipart/related; type="application/dicom"', ct1, 1e6))).status).toBe(400);
    const error = await refusal(parseStowRequest(contentType, multipart([{ bytes: ct1 }], 'other-boundary'), 1e6));
    expect([error.status, error.code]).toEqual([400, 'STOW_BAD_BOUNDARY']);
    const unterminated = Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\nabc`);
    expect((await refusal(parseStowRequest(contentType, unterminated, 1e6))).status).toBe(400);
  });

  it('refuses an oversized body with 413, streamed or not', async () => {
    const body = multipart([{ bytes: ct1 }, { bytes: kos }]);
    expect((await refusal(parseStowRequest(contentType, body, 1000))).status).toBe(413);
    expect((await refusal(parseStowRequest(contentType, Readable.from([body.subarray(0, 900), body.subarray(900)]), 1000))).code).toBe('STOW_TOO_LARGE');
  });
});

describe('STOW-RS response', () => {
  const stored = { kind: 'stored' as const, sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUid: '1.2.3.1', studyInstanceUid: '1.2.9' };

  it('lists stored instances with retrieve URLs and answers 200', () => {
    const response = buildStowResponse([stored], 'https://lb.example/dicomweb/');
    expect(response.status).toBe(200);
    expect(response.body['00081190']).toEqual({ vr: 'UR', Value: ['https://lb.example/dicomweb/studies/1.2.9'] });
    expect(response.body['00081199']?.Value?.[0]).toEqual({
      '00081150': { vr: 'UI', Value: ['1.2.840.10008.5.1.4.1.1.2'] },
      '00081155': { vr: 'UI', Value: ['1.2.3.1'] },
      '00081190': { vr: 'UR', Value: ['https://lb.example/dicomweb/studies/1.2.9/instances/1.2.3.1'] },
    });
    expect(response.body['00081198']).toBeUndefined();
  });

  it('answers 202 with a Failed SOP Sequence when some fail, 409 when all fail', () => {
    const failed = { kind: 'failed' as const, sopClassUid: null, sopInstanceUid: null, failureReason: 0xc000 };
    const partial = buildStowResponse([stored, failed], 'http://x');
    expect(partial.status).toBe(202);
    expect(partial.body['00081198']?.Value?.[0]).toEqual({ '00081150': { vr: 'UI' }, '00081155': { vr: 'UI' }, '00081197': { vr: 'US', Value: [0xc000] } });
    expect(buildStowResponse([failed], 'http://x').status).toBe(409);
  });
});
