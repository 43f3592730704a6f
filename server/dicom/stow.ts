/**
 * STOW-RS (PS3.18 §10.5) request parsing and response building. The HTTP route is mounted elsewhere; these
 * functions only turn a `multipart/related; type="application/dicom"` body into parts and per-instance
 * outcomes into the response dataset.
 */

export type StowErrorCode = 'STOW_NOT_MULTIPART' | 'STOW_UNSUPPORTED_TYPE' | 'STOW_BAD_BOUNDARY' | 'STOW_MALFORMED' | 'STOW_TOO_LARGE';

/** A request the route must refuse as a whole; `status` is the HTTP status to send with `message`. */
export class StowRequestError extends Error {
  constructor(
    readonly code: StowErrorCode,
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
    this.name = 'StowRequestError';
  }
}

export interface StowPart {
  readonly contentType: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bytes: Buffer;
}

interface MediaType {
  readonly type: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Parses `type/subtype; a=b; c="d"` (RFC 9110 §8.3.1); parameter names lower-cased, quotes removed. */
export function parseMediaType(header: string): MediaType {
  const [type = '', ...rest] = header.split(';');
  const params: Record<string, string> = {};
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const value = param.slice(eq + 1).trim();
    params[param.slice(0, eq).trim().toLowerCase()] = value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
  }
  return { type: type.trim().toLowerCase(), params };
}

/**
 * Checks the request's Content-Type and returns the boundary. Only Part 10 instances are accepted
 * (`type="application/dicom"`); the metadata-plus-bulk-data forms (`application/dicom+json`/`+xml`) are not.
 */
export function stowBoundary(contentTypeHeader: string | undefined): string {
  const media = parseMediaType(contentTypeHeader ?? '');
  if (media.type !== 'multipart/related') {
    throw new StowRequestError('STOW_NOT_MULTIPART', 415, `Content-Type must be multipart/related; type="application/dicom", not "${contentTypeHeader ?? ''}"`);
  }
  const partType = (media.params.type ?? 'application/dicom').toLowerCase();
  if (partType !== 'application/dicom') {
    throw new StowRequestError('STOW_UNSUPPORTED_TYPE', 415, `multipart/related type "${partType}" is not supported; send type="application/dicom"`);
  }
  const boundary = media.params.boundary;
  // RFC 2046 limits a boundary to 70 characters, but real senders exceed it (Orthanc's DICOMweb client sends
  // 73); a longer one is harmless to parse, so only absurd lengths are refused.
  if (!boundary || boundary.length > 200 || /[^0-9A-Za-z'()+_,\-./:=? ]/.test(boundary) || boundary.endsWith(' ')) {
    throw new StowRequestError('STOW_BAD_BOUNDARY', 400, 'multipart boundary parameter is missing or invalid (RFC 2046 §5.1.1)');
  }
  return boundary;
}

/** Reads a body into one Buffer, refusing with 413 as soon as it passes `maxBytes`. */
export async function readBodyWithLimit(body: Uint8Array | AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const tooLarge = () => new StowRequestError('STOW_TOO_LARGE', 413, `request body exceeds the limit of ${maxBytes} bytes`);
  if (body instanceof Uint8Array) {
    if (body.length > maxBytes) throw tooLarge();
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    total += chunk.length;
    if (total > maxBytes) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks, total);
}

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Splits a multipart body (RFC 2046 §5.1) into its parts. The preamble and epilogue are ignored. */
export function splitMultipart(body: Buffer, boundary: string): StowPart[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const bad = (why: string) => new StowRequestError('STOW_BAD_BOUNDARY', 400, why);
  let position = body.indexOf(delimiter);
  if (position < 0) throw bad(`boundary "${boundary}" does not occur in the body`);
  const parts: StowPart[] = [];
  for (;;) {
    let cursor = position + delimiter.length;
    if (body.subarray(cursor, cursor + 2).toString('latin1') === '--') return parts;
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor += 1;
    if (body.subarray(cursor, cursor + 2).toString('latin1') !== '\r\n') throw bad('a boundary line is not followed by CRLF');
    cursor += 2;
    const headerEnd = body.indexOf('\r\n\r\n', cursor, 'latin1');
    const headerBlockEnd = body.subarray(cursor, cursor + 2).toString('latin1') === '\r\n' ? cursor : headerEnd;
    if (headerBlockEnd < 0) throw new StowRequestError('STOW_MALFORMED', 400, 'a part has no blank line after its headers');
    const headers = parseHeaders(body.subarray(cursor, headerBlockEnd).toString('latin1'));
    const contentStart = headerBlockEnd + (headerBlockEnd === cursor ? 2 : 4);
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n', 'latin1'), delimiter]), contentStart);
    if (next < 0) throw bad('the closing boundary is missing');
    parts.push({ contentType: parseMediaType(headers['content-type'] ?? 'application/dicom').type, headers, bytes: body.subarray(contentStart, next) });
    position = next + 2;
  }
}

/** Content-Type check, size-limited read and split, in one call for the route. */
export async function parseStowRequest(
  contentTypeHeader: string | undefined,
  body: Uint8Array | AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<StowPart[]> {
  const boundary = stowBoundary(contentTypeHeader);
  return splitMultipart(await readBodyWithLimit(body, maxBytes), boundary);
}

export type StowOutcome =
  | { readonly kind: 'stored'; readonly sopClassUid: string; readonly sopInstanceUid: string; readonly studyInstanceUid: string; readonly warningReason?: number }
  | { readonly kind: 'failed'; readonly sopClassUid: string | null; readonly sopInstanceUid: string | null; readonly failureReason: number };

type JsonAttribute = { vr: string; Value?: unknown[] };
export type DicomJsonDataset = Record<string, JsonAttribute>;

const ui = (value: string | null): JsonAttribute => (value ? { vr: 'UI', Value: [value] } : { vr: 'UI' });

export interface StowResponse {
  /** 200 all stored; 202 some failed or carry warnings; 409 none stored (PS3.18 §10.5.3.1). */
  readonly status: 200 | 202 | 409;
  readonly body: DicomJsonDataset;
}

/**
 * The STOW-RS response dataset in DICOM JSON: Referenced SOP Sequence (0008,1199) with each stored
 * instance's Retrieve URL (0008,1190), Failed SOP Sequence (0008,1198) with Failure Reason (0008,1197), and
 * the study's Retrieve URL when every stored instance belongs to one study.
 */
export function buildStowResponse(outcomes: readonly StowOutcome[], baseUrl: string): StowResponse {
  const base = baseUrl.replace(/\/+$/, '');
  const stored = outcomes.filter((o): o is Extract<StowOutcome, { kind: 'stored' }> => o.kind === 'stored');
  const failed = outcomes.filter((o): o is Extract<StowOutcome, { kind: 'failed' }> => o.kind === 'failed');
  const body: DicomJsonDataset = {};
  const studies = [...new Set(stored.map((s) => s.studyInstanceUid))];
  if (studies.length === 1) body['00081190'] = { vr: 'UR', Value: [`${base}/studies/${studies[0]}`] };
  if (failed.length > 0) {
    body['00081198'] = {
      vr: 'SQ',
      Value: failed.map((f) => ({ '00081150': ui(f.sopClassUid), '00081155': ui(f.sopInstanceUid), '00081197': { vr: 'US', Value: [f.failureReason] } })),
    };
  }
  if (stored.length > 0) {
    body['00081199'] = {
      vr: 'SQ',
      Value: stored.map((s) => ({
        '00081150': ui(s.sopClassUid),
        '00081155': ui(s.sopInstanceUid),
        '00081190': { vr: 'UR', Value: [`${base}/studies/${s.studyInstanceUid}/instances/${s.sopInstanceUid}`] },
        ...(s.warningReason !== undefined ? { '00081196': { vr: 'US', Value: [s.warningReason] } } : {}),
      })),
    };
  }
  const warned = stored.some((s) => s.warningReason !== undefined);
  const status = stored.length === 0 && failed.length > 0 ? 409 : failed.length > 0 || warned ? 202 : 200;
  return { status, body };
}
