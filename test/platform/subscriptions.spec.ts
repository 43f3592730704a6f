import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer, type TestServer } from '../harness/server';

const SUBSCRIPTION = 'subscription { folderChanged { change folder { id name kind } } }';

/** Reads server-sent events from a streaming GraphQL response until `count` data messages arrived. */
async function readSse(response: Response, count: number): Promise<unknown[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const messages: unknown[] = [];
  let buffer = '';
  while (messages.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('');
      if (data) messages.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return messages;
}

describe('live folder changes', () => {
  let server: TestServer;
  let aliceToken: string;
  let bobToken: string;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser({ email: 'alice@example.org', name: 'Alice', password: 'correct-horse-a' });
    await server.addUser({ email: 'bob@example.org', name: 'Bob', password: 'correct-horse-b' });
    aliceToken = await signIn(server.url, 'alice@example.org', 'correct-horse-a');
    bobToken = await signIn(server.url, 'bob@example.org', 'correct-horse-b');
  });
  afterAll(() => server.close());

  it('delivers folderChanged over server-sent events, only for folders the subscriber can see', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${aliceToken}` },
      body: JSON.stringify({ query: SUBSCRIPTION }),
    });
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const received = readSse(response, 1);
    await new Promise((r) => setTimeout(r, 200));
    await graphql(server.url, 'mutation { createFolder(name: "Bob private") { id } }', {}, bobToken);
    await graphql(server.url, 'mutation { createFolder(name: "Neuro teaching") { id } }', {}, aliceToken);
    expect(await received).toEqual([{ data: { folderChanged: { change: 'created', folder: expect.objectContaining({ name: 'Neuro teaching', kind: 'SHARED' }) } } }]);
  });

  it('delivers folderChanged over graphql-ws, authenticated by connection params', async () => {
    const client = createClient({
      url: `${server.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${aliceToken}` },
    });
    const created = await graphql(server.url, 'mutation { createFolder(name: "Chest") { id } }', {}, aliceToken);
    const id = created.data?.createFolder.id;
    const next = new Promise((resolve, reject) => {
      const dispose = client.subscribe({ query: SUBSCRIPTION }, { next: (v) => (resolve(v), dispose()), error: reject, complete: () => {} });
    });
    await new Promise((r) => setTimeout(r, 200));
    await graphql(server.url, 'mutation($id: ID!) { renameFolder(id: $id, name: "Chest radiology") { id } }', { id }, aliceToken);
    expect(await next).toEqual({ data: { folderChanged: { change: 'renamed', folder: { id, name: 'Chest radiology', kind: 'SHARED' } } } });
    await client.dispose();
  });

  it('refuses a subscription without a signed-in user', async () => {
    const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0 });
    const outcome = await new Promise<unknown>((resolve) => {
      client.subscribe({ query: SUBSCRIPTION }, { next: resolve, error: resolve, complete: () => resolve('complete') });
    });
    expect(JSON.stringify(outcome)).toMatch(/UNAUTHENTICATED|sign in first/);
    await client.dispose();
  });

  it('refuses to rename a folder of someone else', async () => {
    const created = await graphql(server.url, 'mutation { createFolder(name: "Alice only") { id } }', {}, aliceToken);
    const attempt = await graphql(server.url, 'mutation($id: ID!) { renameFolder(id: $id, name: "Mine now") { id } }', { id: created.data?.createFolder.id }, bobToken);
    expect(attempt.errors?.[0]?.extensions?.code).toBe('FOLDER_NOT_FOUND');
  });
});
