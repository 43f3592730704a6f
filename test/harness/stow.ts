import { readFileSync } from 'node:fs';

/** A STOW-RS request body: multipart/related with one application/dicom part per file. */
export function stowBody(files: readonly string[]): { body: Buffer; contentType: string } {
  const boundary = `lightbox-${crypto.randomUUID()}`;
  const parts = files.map((f) => Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), readFileSync(f), Buffer.from('\r\n')]));
  return {
    body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/related; type="application/dicom"; boundary=${boundary}`,
  };
}

export async function stow(url: string, token: string | null, files: readonly string[]) {
  const { body, contentType } = stowBody(files);
  const response = await fetch(`${url}/dicomweb/studies`, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/dicom+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, text, json: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : null };
}
