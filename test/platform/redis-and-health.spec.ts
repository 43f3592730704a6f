import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { connectRedis, startEmbeddedRedis } from '../../server/redis/connect-redis';
import { startTestServer } from '../harness/server';

const dataDir = () => mkdtempSync(path.join(tmpdir(), 'lightbox-redis-'));

describe('Redis for jobs and live updates', () => {
  it('starts a private redis-server under DATA_DIR when none is configured or answering, and stops it again', async () => {
    const redis = await startEmbeddedRedis(dataDir());
    expect(redis.origin).toBe('embedded');
    const client = new Redis(redis.url);
    expect(await client.ping()).toBe('PONG');
    client.disconnect();
    await redis.stop();
  });

  it('says exactly what to install when redis-server is not on the PATH', async () => {
    await expect(startEmbeddedRedis(dataDir(), 'redis-server-that-is-not-installed')).rejects.toThrow(/apt-get install redis-server/);
  });

  it('refuses a REDIS_URL that does not answer, naming the variable', async () => {
    await expect(connectRedis('redis://127.0.0.1:1', dataDir())).rejects.toThrow(/REDIS_URL=redis:\/\/127.0.0.1:1 does not answer/);
  });
});

describe('GET /healthz', () => {
  it('answers 200 once the store, read models and Redis are ready', async () => {
    const server = await startTestServer();
    try {
      await server.settle();
      const response = await fetch(`${server.url}/healthz`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
    } finally {
      await server.close();
    }
  });
});
