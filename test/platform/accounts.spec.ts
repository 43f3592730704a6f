import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, graphql, signIn } from '../harness/graphql-client';
import { startTestServer, type TestServer } from '../harness/server';

const ME = '{ me { id displayName gmcNumber email personalFolder { id name } } }';

describe('accounts over GraphQL', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser({ email: 'jane@example.org', name: 'Jane Smith', password: 'correct-horse-1', gmc: 'GMC1234567' });
  });
  afterAll(() => server.close());

  it('signs in with email and password, returns a bearer token and sets an HttpOnly cookie', async () => {
    const result = await graphql(server.url, 'mutation { signIn(email: "Jane@Example.org", password: "correct-horse-1") { token user { displayName } } }');
    expect(result.data?.signIn.user.displayName).toBe('Jane Smith');
    expect(result.data?.signIn.token).toMatch(/^lbx_/);
    expect(result.setCookie).toMatch(/lightbox_session=lbx_.*HttpOnly.*SameSite=Strict/);
  });

  it('answers me with the personal folder created for the new account', async () => {
    const token = await signIn(server.url, 'jane@example.org', 'correct-horse-1');
    const result = await graphql(server.url, ME, {}, token);
    expect(result.data?.me).toMatchObject({ displayName: 'Jane Smith', gmcNumber: 'GMC1234567', email: 'jane@example.org', personalFolder: { name: 'My cases' } });
  });

  it('refuses a wrong password and an unknown email with the same error', async () => {
    const wrong = await graphql(server.url, 'mutation { signIn(email: "jane@example.org", password: "not-the-password") { token } }');
    const unknown = await graphql(server.url, 'mutation { signIn(email: "nobody@example.org", password: "not-the-password") { token } }');
    expect(errorCode(wrong)).toBe('INVALID_CREDENTIALS');
    expect(errorCode(unknown)).toBe('INVALID_CREDENTIALS');
    expect(wrong.errors?.[0]?.message).toBe(unknown.errors?.[0]?.message);
  });

  it('refuses a malformed or unknown bearer token', async () => {
    expect(errorCode(await graphql(server.url, ME, {}, 'garbage'))).toBe('UNAUTHENTICATED');
    const forged = `lbx_${crypto.randomUUID()}_${'A'.repeat(43)}`;
    expect(errorCode(await graphql(server.url, ME, {}, forged))).toBe('UNAUTHENTICATED');
  });

  it('revokes the token on sign-out', async () => {
    const token = await signIn(server.url, 'jane@example.org', 'correct-horse-1');
    expect((await graphql(server.url, 'mutation { signOut }', {}, token)).data?.signOut).toBe(true);
    expect(errorCode(await graphql(server.url, ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('denies every operation but signIn to an anonymous caller', async () => {
    for (const query of [ME, '{ folders { id } }', '{ auditTrail(streamId: "x") { type } }', 'mutation { signOut }', 'mutation { createFolder(name: "x") { id } }']) {
      expect(errorCode(await graphql(server.url, query))).toBe('UNAUTHENTICATED');
    }
  });

  it('answers malformed GraphQL with a 4xx and a reason', async () => {
    const headers = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
    const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: '{"query": "{ me { "}' });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/Syntax Error/);
    const notJson = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: 'not json' });
    expect(notJson.status).toBeGreaterThanOrEqual(400);
    expect(notJson.status).toBeLessThan(500);
  });

  it('refuses an invalid GMC number, a duplicate email and a duplicate GMC number, keeping the first account intact', async () => {
    await expect(server.addUser({ email: 'x@example.org', name: 'X', password: 'long-enough-1', gmc: 'GMC12' })).rejects.toMatchObject({ code: 'INVALID_GMC_NUMBER' });
    await expect(server.addUser({ email: 'JANE@example.org', name: 'Other', password: 'long-enough-1' })).rejects.toMatchObject({ code: 'EMAIL_TAKEN' });
    await expect(server.addUser({ email: 'other@example.org', name: 'Other', password: 'long-enough-1', gmc: 'GMC1234567' })).rejects.toMatchObject({
      code: 'GMC_NUMBER_TAKEN',
    });
    // the failed GMC claim released the email it had taken
    await server.addUser({ email: 'other@example.org', name: 'Other', password: 'long-enough-1' });
    const token = await signIn(server.url, 'jane@example.org', 'correct-horse-1');
    expect((await graphql(server.url, ME, {}, token)).data?.me.gmcNumber).toBe('GMC1234567');
  });

  it('shows email addresses only to their owner', async () => {
    await server.addUser({ email: 'admin@example.org', name: 'Admin', password: 'long-enough-1', admin: true });
    const token = await signIn(server.url, 'other@example.org', 'long-enough-1');
    const folders = await graphql(server.url, '{ folders { owner { email displayName } } }', {}, token);
    expect(folders.data?.folders[0].owner).toEqual({ email: 'other@example.org', displayName: 'Other' });
  });
});
