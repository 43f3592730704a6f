import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { readManifest } from '../../domain/tce/manifest';
import { parseDicomInstance } from '../../server/dicom/parse';
import { readPart10 } from '../../server/deid/codec/read-part10';
import { gatewayFixture, GATEWAY_AET, ReviewClient, startTestGateway, waitForExport, type TestGateway } from './gateway-harness';
import { startOrthanc, type RunningOrthanc } from './orthanc';

const SELECTION = ['ct-1', 'ct-2', 'ct-3', 'atfi', 'kos-final'];
const running: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const peer of running.splice(0).reverse()) await peer.close();
});

async function pacsWith(gateway: TestGateway, names: readonly string[]): Promise<{ pacs: RunningOrthanc; ids: string[] }> {
  const pacs = await startOrthanc({ aet: 'HOSPITALPACS', modalities: { gateway: [GATEWAY_AET, '127.0.0.1', gateway.dicomPort] } });
  running.push(pacs);
  const ids: string[] = [];
  for (const name of names) ids.push((await pacs.post<{ ID: string }>('/instances', await readFile(gatewayFixture(name)))).ID);
  return { pacs, ids };
}

/**
 * The dataset as elements with their raw value bytes. storescu re-encodes sequences with explicit lengths (DCMTK's
 * network default) but never changes an element or a value, so this is what "sent verbatim" can be checked on.
 */
const elementsOf = (file: Buffer) => readPart10(file).dataset;

describe('gateway: PACS → preview → archive by C-STORE', () => {
  it('carries a study from an Orthanc PACS through review to an Orthanc archive, de-identified, every element as previewed', async () => {
    const archive = await startOrthanc({ aet: 'ARCHIVE' });
    running.push(archive);
    const gateway = await startTestGateway([`dicom://ARCHIVE@127.0.0.1:${archive.dicomPort}`]);
    running.push(gateway);
    const { pacs, ids } = await pacsWith(gateway, SELECTION);
    await pacs.post('/modalities/gateway/store', { Resources: ids, Synchronous: true });

    const pending = await waitForExport(gateway, (e) => e.status === 'awaiting-review');
    expect(pending).toMatchObject({ purpose: 'teaching-file', title: 'For Teaching File Export', delayReason: null });
    expect(await archive.get<string[]>('/instances')).toEqual([]);

    const review = new ReviewClient(gateway.baseUrl);
    expect(await review.signIn()).toBe(303);
    const release = await review.release(pending.id);
    expect(release.status).toBe(303);
    await waitForExport(gateway, (e) => e.id === pending.id && e.status === 'exported');

    const received = await archive.instances();
    expect(received).toHaveLength(5);
    const previewed = new Map(gateway.store.exportedInstances(pending.id).map((i) => [i.deidUid, i.file]));
    const originalUids = new Set<string>();
    for (const name of SELECTION) originalUids.add(parseDicomInstance(await readFile(gatewayFixture(name))).sopInstanceUid);
    const studies = new Set<unknown>();
    for (const instance of received) {
      expect(instance.tags.PatientName).not.toBe('DOE^JOHN');
      expect(instance.tags.PatientID).not.toBe('HOSP123456');
      expect(instance.tags.PatientIdentityRemoved).toBe('YES');
      const text = instance.file.toString('latin1');
      for (const phi of ['DOE^JOHN', 'HOSP123456', 'ACC7781234', 'St Elsewhere', '19700312']) expect(text).not.toContain(phi);
      expect(originalUids.has(String(instance.tags.SOPInstanceUID))).toBe(false);
      studies.add(instance.tags.StudyInstanceUID);
      const ours = previewed.get(String(instance.tags.SOPInstanceUID));
      expect(ours, 'the archive holds exactly the previewed instances').toBeDefined();
      expect(elementsOf(instance.file)).toEqual(elementsOf(await readFile(ours!)));
    }
    expect(studies.size).toBe(1);

    const kos = received.find((i) => i.tags.Modality === 'KO')!;
    const manifest = readManifest(parseDicomInstance(kos.file))!;
    const others = received.filter((i) => i !== kos).map((i) => String(i.tags.SOPInstanceUID)).sort();
    expect(manifest.expected).toEqual(others);
    expect(manifest.observerName).toBe('Smith^Jane^^Dr^GMC1234567');
    expect(manifest.keyObjectDescription).toContain('owner=jsmith');
    expect(manifest.keyObjectDescription).not.toContain('DOE');

    const log = gateway.store.deliveries(pending.id);
    expect(log).toHaveLength(5);
    expect(log.every((d) => d.status === 'sent' && d.attempts === 1 && d.destination.startsWith('dicom://ARCHIVE@'))).toBe(true);
    const page = await (await review.get(`/exports/${pending.id}`)).text();
    expect(page).toContain('Export log');
    expect(page.match(/badge-d-sent/g)).toHaveLength(5);
  });
});
