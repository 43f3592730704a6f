import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrthanc, type RunningOrthanc } from '../gateway/orthanc';
import { eventually, tceFixture } from '../harness/dicom';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer, type TestServer } from '../harness/server';

const ctx = { actorId: null, source: 'test', correlationId: 'c', causationId: null };
const submission = ['ct-1', 'ct-2', 'ct-3', 'atfi-nested', 'kos-final'];
const CASES = '{ me { personalFolder { cases(first: 5) { totalCount edges { node { id title } } } } } }';

/** Orthanc plays the hospital PACS: the study and its TCE manifest are uploaded to it, then sent on to Lightbox. */
async function loadStudy(orthanc: RunningOrthanc): Promise<string[]> {
  const ids: string[] = [];
  for (const name of submission) ids.push((await orthanc.post<{ ID: string }>('/instances', await readFile(tceFixture(name)))).ID);
  return ids;
}

async function caseTitle(server: TestServer, token: string) {
  const cases = await eventually(async () => {
    const c = (await graphql(server.url, CASES, {}, token)).data?.me.personalFolder.cases;
    return c?.totalCount === 1 ? c : null;
  }, 10_000);
  const id = cases.edges[0].node.id;
  const found = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { title abstract sender { transport callingAet } series { instanceCount } } }', { id }, token)).data?.case;
  return found;
}

describe('Orthanc as the sending PACS', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser({ email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' });
    await server.app.services.nodes.register({ name: 'Orthanc PACS', aeTitle: 'ORTHANCPACS', host: '127.0.0.1' }, ctx);
    token = await signIn(server.url, 'jane@example.org', 'correct-horse-j');
  });
  afterAll(() => server.close());

  it('C-STOREs a study with its manifest and ATFI to Lightbox, which files it as one case', async () => {
    const orthanc = await startOrthanc({ aet: 'ORTHANCPACS', modalities: { lightbox: ['LIGHTBOX', '127.0.0.1', server.app.dicomPort] } });
    try {
      const ids = await loadStudy(orthanc);
      const job = await orthanc.post<{ Instances?: number; FailedInstancesCount?: number }>('/modalities/lightbox/store', { Resources: ids, Synchronous: true });
      expect(job.FailedInstancesCount ?? 0).toBe(0);
      const found = await caseTitle(server, token);
      expect(found).toMatchObject({ title: 'Giant cell tumour — distal radius', sender: { transport: 'DICOM C-STORE', callingAet: 'ORTHANCPACS' } });
      expect(found.abstract).toMatch(/^Lytic lesion/);
    } finally {
      await orthanc.close();
    }
  });

  it('STOWs the same kind of submission through its DICOMweb client with the node token; a resend adds nothing', async () => {
    const second = await startTestServer();
    try {
      await second.addUser({ email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' });
      const nodeToken = (await second.app.services.nodes.register({ name: 'Orthanc DICOMweb', aeTitle: 'ORTHANCWEB', host: '127.0.0.1' }, ctx)).token;
      const jane = await signIn(second.url, 'jane@example.org', 'correct-horse-j');
      const orthanc = await startOrthanc({
        aet: 'ORTHANCWEB',
        dicomWeb: true,
        dicomWebServers: { lightbox: { Url: `${second.url}/dicomweb/`, HttpHeaders: { Authorization: `Bearer ${nodeToken}` } } },
      });
      try {
        const ids = await loadStudy(orthanc);
        await orthanc.post('/dicom-web/servers/lightbox/stow', { Resources: ids, Synchronous: true });
        const found = await caseTitle(second, jane);
        expect(found.sender).toEqual({ transport: 'STOW-RS', callingAet: 'ORTHANCWEB' });
        await orthanc.post('/dicom-web/servers/lightbox/stow', { Resources: ids, Synchronous: true });
        await new Promise((r) => setTimeout(r, 500));
        await second.settle();
        expect((await graphql(second.url, CASES, {}, jane)).data?.me.personalFolder.cases.totalCount).toBe(1);
      } finally {
        await orthanc.close();
      }
    } finally {
      await second.close();
    }
  });
});
