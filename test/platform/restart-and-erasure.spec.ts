import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { asUserId } from '../../domain/shared/ids';
import { errorCode, graphql, signIn } from '../harness/graphql-client';
import { startTestServer } from '../harness/server';

const ME = '{ me { id personalFolder { id } } }';

describe('durability and erasure', () => {
  it('keeps the account, session and personal folder across a restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lightbox-restart-'));
    const first = await startTestServer({ DATA_DIR: dataDir });
    await first.addUser({ email: 'amir@example.org', name: 'Amir Khan', password: 'correct-horse-2', gmc: 'GMC7654321' });
    const token = await signIn(first.url, 'amir@example.org', 'correct-horse-2');
    const before = (await graphql(first.url, ME, {}, token)).data?.me;
    await first.close();

    const second = await startTestServer({ DATA_DIR: dataDir });
    const after = (await graphql(second.url, ME, {}, token)).data?.me;
    expect(after).toEqual(before);
    expect(after.personalFolder.id).toBeTruthy();
    await second.close();
  });

  it('erases a person: their data reads as erased everywhere, the log keeps no readable copy, the email is free again', async () => {
    const server = await startTestServer();
    const { id } = await server.addUser({ email: 'erase.me@example.org', name: 'Zed Erasable', password: 'correct-horse-3', gmc: 'GMC1112223' });
    const token = await signIn(server.url, 'erase.me@example.org', 'correct-horse-3');
    const folderStream = `folder-${(await graphql(server.url, ME, {}, token)).data?.me.personalFolder.id}`;
    await server.app.services.accounts.erase(asUserId(id), { actorId: null, source: 'test', correlationId: crypto.randomUUID(), causationId: null });

    expect(errorCode(await graphql(server.url, ME, {}, token))).toBe('UNAUTHENTICATED');
    const events = await server.app.services.log.readStream(`user-${id}`);
    expect((events[0]!.data as { profile: { value: unknown } }).profile.value).toBeNull();
    const raw = await readFile(path.join(server.dataDir, 'events.db'));
    expect(raw.includes(Buffer.from('Erasable'))).toBe(false);
    expect(raw.includes(Buffer.from('erase.me@example.org'))).toBe(false);

    await server.addUser({ email: 'admin2@example.org', name: 'Admin Two', password: 'correct-horse-4', admin: true });
    const admin = await signIn(server.url, 'admin2@example.org', 'correct-horse-4');
    const trail = await graphql(server.url, 'query($s: String!) { auditTrail(streamId: $s) { type actorName } }', { s: folderStream }, admin);
    expect(trail.data?.auditTrail).toEqual([{ type: 'FolderCreated', actorName: null }]);
    const user = await graphql(server.url, 'query($s: String!) { auditTrail(streamId: $s) { type } }', { s: `user-${id}` }, admin);
    expect(user.data?.auditTrail.map((e: { type: string }) => e.type)).toEqual(['UserErased', 'UserRegistered']);

    await server.addUser({ email: 'erase.me@example.org', name: 'New Person', password: 'correct-horse-5', gmc: 'GMC1112223' });
    await server.close();
  });
});
