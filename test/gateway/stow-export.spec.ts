import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { gatewayFixture, ReviewClient, sendToGateway, startTestGateway, waitForExport } from './gateway-harness';
import { startOrthanc } from './orthanc';

const TOKEN = 'node-token-5f2c';
const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const peer of running.splice(0).reverse()) await peer.close();
});

interface SeenRequest {
  readonly authorization: string | undefined;
  readonly contentType: string | undefined;
}

/**
 * A DICOMweb front for Orthanc that wants a bearer token, as a Lightbox node does: `/dicomweb/studies` is passed to
 * Orthanc's STOW-RS (`/dicom-web/studies`) only with the right token, else 401.
 */
async function bearerFront(orthancUrl: string, seen: SeenRequest[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(async (req, res) => {
    seen.push({ authorization: req.headers.authorization, contentType: req.headers['content-type'] });
    if (req.headers.authorization !== `Bearer ${TOKEN}`) {
      res.writeHead(401).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const upstream = await fetch(`${orthancUrl}${req.url!.replace('/dicomweb/', '/dicom-web/')}`, {
      method: req.method,
      headers: { 'Content-Type': req.headers['content-type'] ?? '', Accept: 'application/dicom+json' },
      body: new Blob([new Uint8Array(Buffer.concat(chunks))]),
    });
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/dicomweb`, close: () => new Promise((r) => server.close(() => r())) };
}

describe('gateway: export by STOW-RS', () => {
  it('posts the released selection as multipart/related application/dicom with the bearer token', async () => {
    const archive = await startOrthanc({ aet: 'WEBARCHIVE', dicomWeb: true });
    running.push(archive);
    const seen: SeenRequest[] = [];
    const front = await bearerFront(archive.url, seen);
    running.push(front);
    const gateway = await startTestGateway([front.url], { stowToken: TOKEN });
    running.push(gateway);

    await sendToGateway(gateway, ['ct-1', 'ct-2', 'ct-3', 'atfi', 'kos-final'].map(gatewayFixture));
    const pending = await waitForExport(gateway, (e) => e.status === 'awaiting-review');
    const review = new ReviewClient(gateway.baseUrl);
    await review.signIn();
    expect((await review.release(pending.id)).status).toBe(303);
    await waitForExport(gateway, (e) => e.id === pending.id && e.status === 'exported');

    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(seen[0]?.contentType).toMatch(/^multipart\/related; type="application\/dicom"; boundary=/);
    const received = await archive.instances();
    const previewed = gateway.store.exportedInstances(pending.id).map((i) => i.deidUid).sort();
    expect(received.map((i) => String(i.tags.SOPInstanceUID)).sort()).toEqual(previewed);
    expect(received.every((i) => i.tags.PatientIdentityRemoved === 'YES' && i.tags.PatientName !== 'DOE^JOHN')).toBe(true);
    const log = gateway.store.deliveries(pending.id);
    expect(log.map((d) => [d.destination, d.status])).toEqual(previewed.map(() => [front.url, 'sent']));
  });
});
