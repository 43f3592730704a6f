import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { graphql, signIn } from '../harness/graphql-client';
import { startTestServer } from '../harness/server';

describe('two app nodes', () => {
  it('deliver a change made through one node to a subscriber on the other, once, through Redis', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'lightbox-nodes-'));
    const env = { DATA_DIR: dataDir, REDIS_PREFIX: `nodes-${path.basename(dataDir)}` };
    const nodeA = await startTestServer(env);
    const nodeB = await startTestServer(env);
    try {
      await nodeA.addUser({ email: 'ravi@example.org', name: 'Ravi', password: 'correct-horse-r' });
      await nodeB.settle();
      const token = await signIn(nodeB.url, 'ravi@example.org', 'correct-horse-r');
      const client = createClient({ url: `${nodeB.url.replace('http', 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` } });
      const received: unknown[] = [];
      client.subscribe({ query: 'subscription { folderChanged { change folder { name } } }' }, { next: (v) => received.push(v), error: () => {}, complete: () => {} });
      await new Promise((r) => setTimeout(r, 300));
      await graphql(nodeA.url, 'mutation { createFolder(name: "MSK") { id } }', {}, token);
      for (let i = 0; i < 50 && received.length === 0; i += 1) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toEqual([{ data: { folderChanged: { change: 'created', folder: { name: 'MSK' } } } }]);
      await client.dispose();
    } finally {
      await nodeA.close({ keepData: true });
      await nodeB.close({ keepData: true });
    }
  });
});
