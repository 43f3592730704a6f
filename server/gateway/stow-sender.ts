import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Destination } from '../../domain/gateway/destination';
import type { InstanceOutcome, InstanceSender } from './delivery-outcome';

type StowDestination = Extract<Destination, { kind: 'stow' }>;

const FAILED_SOP_SEQUENCE = '00081198';
const REFERENCED_SOP_INSTANCE_UID = '00081155';
const FAILURE_REASON = '00081197';

interface JsonAttribute {
  readonly Value?: readonly unknown[];
}

/** The SOP Instance UIDs a STOW-RS response lists as failed (PS3.18 §10.5.3), with their Failure Reason. */
export function failedInStowResponse(body: unknown): Map<string, string> {
  const failed = new Map<string, string>();
  const datasets = Array.isArray(body) ? body : [body];
  for (const dataset of datasets) {
    const sequence = (dataset as Record<string, JsonAttribute> | null)?.[FAILED_SOP_SEQUENCE]?.Value ?? [];
    for (const item of sequence as Array<Record<string, JsonAttribute>>) {
      const uid = item[REFERENCED_SOP_INSTANCE_UID]?.Value?.[0];
      const reason = item[FAILURE_REASON]?.Value?.[0];
      if (typeof uid === 'string') failed.set(uid, `failure reason ${typeof reason === 'number' ? `0x${reason.toString(16).toUpperCase()}` : 'unknown'}`);
    }
  }
  return failed;
}

/** A `multipart/related; type="application/dicom"` body: one part per Part 10 file, the files' bytes unchanged. */
export function stowBody(parts: readonly Uint8Array[], boundary: string): Buffer {
  const pieces: Uint8Array[] = [];
  for (const part of parts) {
    pieces.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), part, Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

/**
 * STOW-RS to a DICOMweb service (a Lightbox node takes the token `lightbox node add` printed). HTTP 200 stores all,
 * 202 some (the response's Failed SOP Sequence says which), 409 none; any other answer or a network error fails the
 * whole batch, which the queue retries.
 */
export function createStowSender(destination: StowDestination, token: string | null, timeoutMs = 120_000): InstanceSender {
  return {
    async send(files) {
      const boundary = `lightbox-${randomBytes(12).toString('hex')}`;
      const all = (sent: boolean, detail: string): InstanceOutcome[] => files.map((f) => ({ file: f.file, sent, detail }));
      let response: Response;
      try {
        const body = stowBody(await Promise.all(files.map((f) => readFile(f.file))), boundary);
        response = await fetch(destination.studiesUrl, {
          method: 'POST',
          headers: {
            'Content-Type': `multipart/related; type="application/dicom"; boundary=${boundary}`,
            Accept: 'application/dicom+json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
          body: new Blob([new Uint8Array(body)]),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        const cause = (error as Error & { cause?: { code?: string } }).cause?.code;
        return all(false, `STOW-RS request failed: ${cause ?? (error as Error).message}`);
      }
      const text = await response.text();
      if (response.status !== 200 && response.status !== 202 && response.status !== 409) {
        return all(false, `STOW-RS HTTP ${response.status}: ${text.slice(0, 200)}`);
      }
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = null;
      }
      const failed = failedInStowResponse(parsed);
      return files.map((f) => {
        const reason = failed.get(f.sopInstanceUid);
        if (response.status === 409 && reason === undefined) return { file: f.file, sent: false, detail: 'STOW-RS HTTP 409' };
        return reason === undefined ? { file: f.file, sent: true, detail: `STOW-RS HTTP ${response.status}` } : { file: f.file, sent: false, detail: reason };
      });
    },
  };
}
