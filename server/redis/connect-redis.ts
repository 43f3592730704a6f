import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ConfigError } from '../config';

export interface RedisHandle {
  readonly url: string;
  /** Where the URL came from: the environment, the default local server, or one Lightbox started. */
  readonly origin: 'REDIS_URL' | 'local' | 'embedded';
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** Starts a private `redis-server` (binary name overridable for tests) under DATA_DIR/redis on a free port. */
export async function startEmbeddedRedis(dataDir: string, binary = 'redis-server'): Promise<RedisHandle> {
  const dir = path.join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const child: ChildProcess = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'yes', '--protected-mode', 'yes'], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new ConfigError('Redis is needed: set REDIS_URL, run a Redis on 127.0.0.1:6379, or install redis-server (Debian: apt-get install redis-server)')
          : error,
      ),
    ),
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50; i += 1) {
    const ready = await Promise.race([answers(url), failed]);
    if (ready) {
      return {
        url,
        origin: 'embedded',
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new ConfigError(`redis-server started on port ${port} but did not answer; see ${dir}`);
}

/** REDIS_URL if set (and answering), else 127.0.0.1:6379, else a redis-server started under DATA_DIR (DESIGN §2). */
export async function connectRedis(redisUrl: string | null, dataDir: string): Promise<RedisHandle> {
  if (redisUrl) {
    if (!(await answers(redisUrl))) throw new ConfigError(`REDIS_URL=${redisUrl} does not answer PING`);
    return { url: redisUrl, origin: 'REDIS_URL', stop: async () => {} };
  }
  const local = 'redis://127.0.0.1:6379';
  if (await answers(local)) return { url: local, origin: 'local', stop: async () => {} };
  return startEmbeddedRedis(dataDir);
}
