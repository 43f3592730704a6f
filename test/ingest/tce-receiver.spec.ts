import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, storescu, tceFixture } from '../harness/dicom';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer, type TestServer } from '../harness/server';

const FOLDER_CASES = '{ me { personalFolder { id cases(first: 10) { totalCount edges { node { id title } } } } } }';
const CASE = `query($id: ID!) { case(id: $id) {
  id title status abstract history findings diagnosis discussion keywords differentialDiagnosis category level diagnosisConfirmed
  author { name gmcNumber affiliation contact } submitterNote otherTeachingItems { name value }
  sender { transport callingAet node { name } } routing { rule reason } modalities
  series { modality seriesNumber instanceCount instances { sopInstanceUid kind instanceNumber sha256 } } } }`;

const submission = ['ct-1', 'ct-2', 'ct-3', 'atfi-nested', 'kos-final'].map(tceFixture);

describe('TCE receiver over DICOM C-STORE', () => {
  let server: TestServer;
  let jane: string;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser({ email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' });
    await server.addUser({ email: 'admin@example.org', name: 'Admin', password: 'correct-horse-a', admin: true });
    await server.app.services.nodes.register({ name: 'Test PACS', aeTitle: 'TESTPACS', host: '127.0.0.1' }, { actorId: null, source: 'test', correlationId: 'c', causationId: null });
    jane = await signIn(server.url, 'jane@example.org', 'correct-horse-j');
    admin = await signIn(server.url, 'admin@example.org', 'correct-horse-a');
  });
  afterAll(() => server.close());

  it('files a submission sent by storescu as one case in the personal folder of the selecting radiologist, with the ATFI text', async () => {
    const sent = await storescu(server.app.dicomPort, submission);
    expect(sent.code, sent.stderr).toBe(0);
    const cases = await eventually(async () => {
      const folder = (await graphql(server.url, FOLDER_CASES, {}, jane)).data?.me.personalFolder;
      return folder?.cases.totalCount === 1 ? folder.cases : null;
    });
    const id = cases.edges[0].node.id;
    const found = (await graphql(server.url, CASE, { id }, jane)).data?.case;
    expect(found).toMatchObject({
      title: 'Giant cell tumour — distal radius',
      status: 'COMPLETE',
      abstract: 'Lytic lesion of the distal radius — giant cell tumour\nSecond line of abstract',
      history: 'Wrist pain for six months.',
      findings: 'Eccentric lytic lesion, no matrix.',
      diagnosis: 'Giant cell tumour of bone',
      discussion: 'Classic epiphyseal location.',
      keywords: ['giant cell tumour', 'giant cell tumor'],
      differentialDiagnosis: ['Aneurysmal bone cyst', 'Brown tumour'],
      author: { name: expect.stringContaining('Müller'), gmcNumber: 'GMC7654321', affiliation: ['Département de Radiologie, Hôpital Nord'], contact: ['radiology@example.org'] },
      sender: { transport: 'DICOM C-STORE', callingAet: 'TESTPACS', node: { name: 'Test PACS' } },
      routing: { rule: 'kos-observer' },
      modalities: expect.arrayContaining(['CT']),
    });
    expect(found.otherTeachingItems).toContainEqual({ name: 'Teaching points', value: 'Think GCT in a closed physis.' });
    const ct = found.series.find((s: { modality: string }) => s.modality === 'CT');
    expect(ct.instances.map((i: { instanceNumber: number }) => i.instanceNumber)).toEqual([1, 2, 3]);
    expect(ct.instances[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const trail = await graphql(server.url, 'query($s: String!) { auditTrail(streamId: $s) { type source } }', { s: `case-${id}` }, jane);
    expect(trail.data?.auditTrail).toEqual([{ type: 'CaseSubmitted', source: 'reaction:case-assembly' }]);
  });

  it('makes no second case when the same submission is sent again', async () => {
    const again = await storescu(server.app.dicomPort, submission);
    expect(again.code).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    await server.settle();
    expect((await graphql(server.url, FOLDER_CASES, {}, jane)).data?.me.personalFolder.cases.totalCount).toBe(1);
  });

  it('refuses an association from an unregistered AE title and shows it on the ingest status', async () => {
    const refused = await storescu(server.app.dicomPort, [tceFixture('ct-1')], { callingAet: 'STRANGER' });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr + refused.stdout).toMatch(/Association Rejected|rejected/i);
    const status = await eventually(async () => {
      const s = (await graphql(server.url, '{ ingestStatus { recentAssociations { callingAet outcome reason } } }', {}, admin)).data?.ingestStatus;
      return s?.recentAssociations.some((a: { callingAet: string }) => a.callingAet === 'STRANGER') ? s : null;
    });
    expect(status.recentAssociations).toContainEqual({ callingAet: 'STRANGER', outcome: 'refused', reason: 'calling AE title is not registered' });
  });

  it('quarantines an object without Patient Identity Removed = YES, keeps it out of folders, and lists it for admins', async () => {
    const sent = await storescu(server.app.dicomPort, [tceFixture('ct-no-pir')]);
    expect(sent.code).toBe(0);
    const quarantined = await eventually(async () => {
      const q = (await graphql(server.url, '{ ingestStatus { quarantined { sopInstanceUid reasons } } }', {}, admin)).data?.ingestStatus.quarantined;
      return q?.length ? q : null;
    });
    expect(quarantined[0].reasons.join(' ')).toMatch(/Patient Identity Removed|PatientIdentityRemoved/i);
    expect((await graphql(server.url, '{ ingestStatus { quarantined { sopInstanceUid } } }', {}, jane)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('quarantine decisions', () => {
  it('lets an admin release a checked object into its submission, and delete another with its bytes', async () => {
    const server = await startTestServer();
    try {
      await server.addUser({ email: 'admin@example.org', name: 'Admin', password: 'correct-horse-a', admin: true });
      await server.app.services.nodes.register({ name: 'PACS', aeTitle: 'TESTPACS', host: '127.0.0.1' }, { actorId: null, source: 'test', correlationId: 'c', causationId: null });
      const admin = await signIn(server.url, 'admin@example.org', 'correct-horse-a');
      await storescu(server.app.dicomPort, ['ct-1', 'ct-2', 'ct-3', 'kos-no-pir', 'ct-no-pir'].map(tceFixture));
      const quarantined = await eventually(async () => {
        const q = (await graphql(server.url, '{ ingestStatus { quarantined { sopInstanceUid sopClassUid } } }', {}, admin)).data?.ingestStatus.quarantined;
        return q?.length === 2 ? q : null;
      });
      const manifest = quarantined.find((q: { sopClassUid: string }) => q.sopClassUid.endsWith('.88.59'));
      const image = quarantined.find((q: { sopClassUid: string }) => !q.sopClassUid.endsWith('.88.59'));
      const missingReason = await graphql(server.url, 'mutation($u: String!) { deleteQuarantined(sopInstanceUid: $u, reason: " ") }', { u: image.sopInstanceUid }, admin);
      expect(missingReason.errors?.[0]?.extensions?.code).toBe('REASON_REQUIRED');
      const released = await graphql(server.url, 'mutation($u: String!) { releaseQuarantined(sopInstanceUid: $u) }', { u: manifest.sopInstanceUid }, admin);
      expect(released.data?.releaseQuarantined).toBe(true);
      const deleted = await graphql(server.url, 'mutation($u: String!) { deleteQuarantined(sopInstanceUid: $u, reason: "patient name in header") }', { u: image.sopInstanceUid }, admin);
      expect(deleted.data?.deleteQuarantined).toBe(true);
      const unclaimed = (await graphql(server.url, '{ folders { kind cases { totalCount } } }', {}, admin)).data?.folders.find((f: { kind: string }) => f.kind === 'UNCLAIMED');
      await eventually(async () => {
        const f = (await graphql(server.url, '{ folders { kind cases { totalCount } } }', {}, admin)).data?.folders.find((x: { kind: string }) => x.kind === 'UNCLAIMED');
        return f.cases.totalCount === 1 ? f : null;
      });
      expect(unclaimed).toBeTruthy();
      expect((await graphql(server.url, '{ ingestStatus { quarantined { sopInstanceUid } } }', {}, admin)).data?.ingestStatus.quarantined).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('a restart in the middle of a submission', () => {
  it('keeps what was staged: the rest of the submission completes the case after the restart', async () => {
    const dataDir = (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/lightbox-restart-ingest-`);
    const ctx = { actorId: null, source: 'test', correlationId: 'c', causationId: null };
    const first = await startTestServer({ DATA_DIR: dataDir });
    await first.addUser({ email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' });
    await first.app.services.nodes.register({ name: 'PACS', aeTitle: 'TESTPACS', host: '127.0.0.1' }, ctx);
    expect((await storescu(first.app.dicomPort, ['kos-final', 'ct-1'].map(tceFixture))).code).toBe(0);
    await first.close({ keepData: true });

    const second = await startTestServer({ DATA_DIR: dataDir });
    try {
      expect((await storescu(second.app.dicomPort, ['ct-2', 'ct-3', 'atfi-nested'].map(tceFixture))).code).toBe(0);
      const jane = await signIn(second.url, 'jane@example.org', 'correct-horse-j');
      await eventually(async () => ((await graphql(second.url, FOLDER_CASES, {}, jane)).data?.me.personalFolder.cases.totalCount === 1 ? true : null));
    } finally {
      await second.close();
    }
  });
});
