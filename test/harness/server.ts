import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLightbox, type RunningLightbox } from '../../server/app';
import { loadConfig } from '../../server/config';

export interface TestServer {
  url: string;
  dataDir: string;
  app: RunningLightbox;
  addUser(input: { email: string; name: string; password: string; gmc?: string; admin?: boolean }): Promise<{ id: string }>;
  /** Waits until the personal folder reaction and projections have processed everything appended so far. */
  settle(): Promise<void>;
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * A real Lightbox on a free port with a temp DATA_DIR, using the Redis at REDIS_URL or 127.0.0.1:6379
 * (started by .ci/run) under a fresh key prefix, so tests never see each other's jobs or notices.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'lightbox-test-'));
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DICOM_PORT: '0',
    REDIS_PREFIX: `test-${path.basename(dataDir)}`,
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    ...env,
    DATA_DIR: dataDir,
  });
  const app = await startLightbox(config);
  const settle = async () => {
    for (let i = 0; i < 100; i += 1) {
      const head = await app.services.log.store.headPosition();
      await app.services.runner.waitFor(head);
      await new Promise((r) => setTimeout(r, 50));
      if ((await app.services.log.store.headPosition()) === head) return;
    }
  };
  return {
    url: app.url,
    dataDir,
    app,
    async addUser(input) {
      const { userId } = await app.services.accounts.register(
        { email: input.email, name: input.name, password: input.password, gmc: input.gmc ?? null, admin: input.admin === true },
        { actorId: null, source: 'test', correlationId: crypto.randomUUID(), causationId: null },
      );
      await settle();
      return { id: userId };
    },
    settle,
    async close(options) {
      await app.close();
      if (!options?.keepData && !env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
