import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, storescu, tceFixture } from '../harness/dicom';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer, type TestServer } from '../harness/server';
import { stow } from '../harness/stow';

const ctx = { actorId: null, source: 'test', correlationId: 'c', causationId: null };
const casesOf = async (url: string, token: string, folderId: string) =>
  (await graphql(url, 'query($id: ID!) { folder(id: $id) { cases(first: 20) { totalCount edges { node { id title status } } } } }', { id: folderId }, token)).data?.folder
    ?.cases;

/**
 * Each scenario gets its own archive: manifests that reference the same instances belong to one case
 * (tce.md §5 item 10), so scenarios sharing the fixture images must not share a server.
 */
describe('STOW-RS and routing', () => {
  let server: TestServer;
  let stowToken: string;
  let jane: string;
  let janeFolder: string;
  let admin: string;
  beforeEach(async () => {
    server = await startTestServer({ TCE_TIMEOUT_MINUTES: '0.02' });
    await server.addUser({ email: 'jane@example.org', name: 'Dr Jane Smith', password: 'correct-horse-j', gmc: 'GMC1234567' });
    await server.addUser({ email: 'jsmith@example.org', name: 'J Smith', password: 'correct-horse-k' });
    await server.addUser({ email: 'admin@example.org', name: 'Admin', password: 'correct-horse-a', admin: true });
    stowToken = (await server.app.services.nodes.register({ name: 'Export Manager', aeTitle: 'EXPMGR', host: '127.0.0.1' }, ctx)).token;
    await server.app.services.nodes.register({ name: 'PACS', aeTitle: 'TESTPACS', host: '127.0.0.1' }, ctx);
    jane = await signIn(server.url, 'jane@example.org', 'correct-horse-j');
    admin = await signIn(server.url, 'admin@example.org', 'correct-horse-a');
    janeFolder = (await graphql(server.url, '{ me { personalFolder { id } } }', {}, jane)).data?.me.personalFolder.id;
  });
  afterEach(() => server.close());

  it('accepts a STOW-RS submission from a registered node and answers per PS3.18', async () => {
    const files = ['mr-1', 'mr-2', 'kos-two-study-mr', 'ct-1', 'ct-2', 'ct-3', 'kos-two-study-ct'].map(tceFixture);
    const response = await stow(server.url, stowToken, files);
    expect(response.status).toBe(200);
    expect(response.json['00081199'].Value).toHaveLength(7);
    const cases = await eventually(async () => {
      const c = await casesOf(server.url, jane, janeFolder);
      return c?.totalCount === 1 ? c : null;
    });
    const found = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { series { modality } sender { transport callingAet } } }', { id: cases.edges[0].node.id }, jane)).data?.case;
    expect(found.sender).toEqual({ transport: 'STOW-RS', callingAet: 'EXPMGR' });
    expect(found.series.map((s: { modality: string }) => s.modality).sort()).toEqual(['CT', 'KO', 'KO', 'MR']);
  });

  it('refuses STOW-RS without a valid node token, a body that is not multipart, and a broken object', async () => {
    expect((await stow(server.url, null, [tceFixture('ct-1')])).status).toBe(401);
    expect((await stow(server.url, 'lbxn_x', [tceFixture('ct-1')])).status).toBe(401);
    const notMultipart = await fetch(`${server.url}/dicomweb/studies`, { method: 'POST', headers: { authorization: `Bearer ${stowToken}`, 'content-type': 'application/json' }, body: '{}' });
    expect(notMultipart.status).toBe(415);
    expect(await notMultipart.text()).toMatch(/multipart/);
    const boundary = 'b1';
    const broken = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`), Buffer.alloc(300, 7), Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const response = await fetch(`${server.url}/dicomweb/studies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stowToken}`, 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}` },
      body: broken,
    });
    expect(response.status).toBe(409);
    expect((await response.json())['00081198'].Value[0]['00081197'].Value[0]).toBe(0xc000);
  });

  it('routes by KOD owner= to that user, and by called AE title to its folder', async () => {
    const jsmith = await signIn(server.url, 'jsmith@example.org', 'correct-horse-k');
    await storescu(server.app.dicomPort, ['ct-1', 'ct-2', 'ct-3', 'atfi-nested'].map(tceFixture));
    const kod = await storescu(server.app.dicomPort, [tceFixture('kos-mirc')]);
    expect(kod.code).toBe(0);
    const jsmithFolder = (await graphql(server.url, '{ me { personalFolder { id } } }', {}, jsmith)).data?.me.personalFolder.id;
    const mirc = await eventually(async () => (await casesOf(server.url, jsmith, jsmithFolder))?.edges.find((e: { node: { title: string } }) => e.node.title === 'MIRC titled case'));
    expect(mirc.node.status).toBe('COMPLETE');

    await server.close();
    server = await startTestServer();
    await server.app.services.nodes.register({ name: 'PACS', aeTitle: 'TESTPACS', host: '127.0.0.1' }, ctx);
    await server.addUser({ email: 'admin@example.org', name: 'Admin', password: 'correct-horse-a', admin: true });
    admin = await signIn(server.url, 'admin@example.org', 'correct-horse-a');
    const neuro = (await graphql(server.url, 'mutation { createFolder(name: "Neuro teaching") { id } }', {}, admin)).data?.createFolder.id;
    const bogus = await graphql(server.url, 'mutation { setCalledAeRoute(aeTitle: "LB_NEURO", folderId: "no-such-folder") }', {}, admin);
    expect(bogus.errors?.[0]?.extensions?.code).toBe('FOLDER_NOT_FOUND');
    await graphql(server.url, 'mutation($f: ID!) { setCalledAeRoute(aeTitle: "LB_NEURO", folderId: $f) }', { f: neuro }, admin);
    const sent = await storescu(server.app.dicomPort, ['ct-1', 'ct-2', 'ct-3', 'kos-tce008'].map(tceFixture), { calledAet: 'LB_NEURO' });
    expect(sent.code, sent.stderr).toBe(0);
    await eventually(async () => ((await casesOf(server.url, admin, neuro))?.totalCount === 1 ? true : null));
  });

  it('files a submission no rule places in Unclaimed submissions, where its author can claim it', async () => {
    const sent = await storescu(server.app.dicomPort, ['ct-1', 'ct-2', 'ct-3', 'kos-utf8'].map(tceFixture));
    expect(sent.code).toBe(0);
    const unclaimed = (await graphql(server.url, '{ folders { id kind } }', {}, admin)).data?.folders.find((f: { kind: string }) => f.kind === 'UNCLAIMED').id;
    const entry = await eventually(async () => (await casesOf(server.url, admin, unclaimed))?.edges.find((e: { node: { title: string } }) => e.node.title === 'Zürich case'));
    await server.addUser({ email: 'muller@example.org', name: 'Dr Jürgen Müller', password: 'correct-horse-m', gmc: 'GMC7654321' });
    const muller = await signIn(server.url, 'muller@example.org', 'correct-horse-m');
    const caseQuery = 'query($id: ID!) { case(id: $id) { canClaim routing { rule } folder { kind } } }';
    expect((await graphql(server.url, caseQuery, { id: entry.node.id }, jane)).data?.case).toBeNull();
    expect((await graphql(server.url, caseQuery, { id: entry.node.id }, muller)).data?.case).toMatchObject({ canClaim: true, folder: { kind: 'UNCLAIMED' } });
    const claimed = await graphql(server.url, 'mutation($id: ID!) { claimCase(id: $id) { folder { kind owner { displayName } } } }', { id: entry.node.id }, muller);
    expect(claimed.data?.claimCase.folder).toEqual({ kind: 'PERSONAL', owner: { displayName: 'Dr Jürgen Müller' } });
    expect((await casesOf(server.url, admin, unclaimed)).edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(entry.node.id);
  });

  it('sends a submission for a folder that does not accept its sender to Unclaimed submissions, with the reason', async () => {
    const chest = (await graphql(server.url, 'mutation { createFolder(name: "Chest") { id } }', {}, jane)).data?.createFolder.id;
    const bad = await graphql(server.url, 'mutation($id: ID!) { restrictFolderSenders(id: $id, gmcNumbers: ["GMC12"]) { id } }', { id: chest }, jane);
    expect(bad.errors?.[0]?.extensions?.code).toBe('INVALID_GMC_NUMBER');
    const restricted = await graphql(server.url, 'mutation($id: ID!) { restrictFolderSenders(id: $id, gmcNumbers: ["GMC2222222"]) { allowedSenders } }', { id: chest }, jane);
    expect(restricted.data?.restrictFolderSenders.allowedSenders).toEqual(['GMC2222222']);
    expect((await storescu(server.app.dicomPort, ['ct-1', 'ct-2', 'ct-3', 'atfi-nested', 'kos-tce001'].map(tceFixture))).code).toBe(0);
    const unclaimed = (await graphql(server.url, '{ folders { id kind } }', {}, admin)).data?.folders.find((f: { kind: string }) => f.kind === 'UNCLAIMED').id;
    const entry = await eventually(async () => (await casesOf(server.url, admin, unclaimed))?.edges[0]);
    const routing = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { routing { rule reason } } }', { id: entry.node.id }, admin)).data?.case.routing;
    expect(routing.rule).toBe('unclaimed');
    expect(routing.reason).toMatch(/does not accept GMC1234567/);
    expect((await casesOf(server.url, jane, chest)).totalCount).toBe(0);
  });

  it('holds a delayed submission, then releases it when the final manifest arrives', async () => {
    await storescu(server.app.dicomPort, ['ct-1', 'kos-delay'].map(tceFixture));
    const held = await eventually(async () => (await casesOf(server.url, jane, janeFolder))?.edges.find((e: { node: { status: string } }) => e.node.status === 'HELD'));
    const reason = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { heldReason } }', { id: held.node.id }, jane)).data?.case.heldReason;
    expect(reason).toBe('clinical-information');
    await storescu(server.app.dicomPort, ['ct-2', 'ct-3', 'atfi-nested', 'kos-final'].map(tceFixture));
    const released = await eventually(async () => {
      const c = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { status title abstract heldReason } }', { id: held.node.id }, jane)).data?.case;
      return c?.status === 'COMPLETE' ? c : null;
    });
    expect(released).toMatchObject({ title: 'Giant cell tumour — distal radius', abstract: expect.stringMatching(/^Lytic lesion/), heldReason: null });
  });

  it('turns an incomplete submission into a partial case after the timeout, and attaches the late instance', async () => {
    await storescu(server.app.dicomPort, ['ct-1', 'kos-mismatch'].map(tceFixture));
    await new Promise((r) => setTimeout(r, 1500));
    await server.app.expireSubmissionsNow();
    const partial = await eventually(async () => (await casesOf(server.url, jane, janeFolder))?.edges.find((e: { node: { status: string } }) => e.node.status === 'PARTIAL'), 8000);
    const missing = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { missingInstances } }', { id: partial.node.id }, jane)).data?.case.missingInstances;
    expect(missing).toHaveLength(2);
    await storescu(server.app.dicomPort, ['ct-2', 'ct-3'].map(tceFixture));
    const done = await eventually(async () => {
      const c = (await graphql(server.url, 'query($id: ID!) { case(id: $id) { status missingInstances series { instanceCount } } }', { id: partial.node.id }, jane)).data?.case;
      return c?.status === 'COMPLETE' ? c : null;
    });
    expect(done.missingInstances).toEqual([]);
  });
});
