import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASIC_PROFILE, type DeidOptions } from '../../domain/deid/options';
import { parseDestination } from '../../domain/gateway/destination';
import type { ExportRecord } from '../../server/gateway/gateway-store';
import { startGateway, type RunningGateway } from '../../server/gateway/gateway';
import { runTool } from '../dicom/dcmtk';

export const gatewayFixturesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/gateway');
export const gatewayFixture = (name: string) => path.join(gatewayFixturesDir, `${name}.dcm`);
export const UI_PASSWORD = 'correct horse battery staple';
export const GATEWAY_AET = 'LBGW';

export interface TestGateway extends RunningGateway {
  readonly dataDir: string;
  readonly baseUrl: string;
}

/** A gateway on free ports in a fresh data dir, using the local Redis (or REDIS_URL), with fast retries. */
export async function startTestGateway(destinations: string[], extra: { stowToken?: string; attempts?: number; profile?: DeidOptions } = {}): Promise<TestGateway> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lightbox-gateway-'));
  const gateway = await startGateway({
    dataDir,
    httpHost: '127.0.0.1',
    httpPort: 0,
    dicomHost: '127.0.0.1',
    dicomPort: 0,
    aeTitle: GATEWAY_AET,
    profile: extra.profile ?? BASIC_PROFILE,
    siteSecret: Buffer.from(`test-site-secret-${path.basename(dataDir)}`),
    destinations: destinations.map(parseDestination),
    stowToken: extra.stowToken ?? null,
    uiPassword: UI_PASSWORD,
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    deliveryAttempts: extra.attempts ?? 3,
    deliveryBackoffMs: 200,
    jobs: 2,
  });
  return {
    ...gateway,
    manager: gateway.manager,
    store: gateway.store,
    dataDir,
    baseUrl: `http://127.0.0.1:${gateway.httpPort}`,
    async close() {
      await gateway.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Sends files to the gateway like a PACS with dcmtk storescu (Nagle off); fails the test on a refused store. */
export async function sendToGateway(gateway: TestGateway, files: readonly string[]): Promise<void> {
  const result = await runTool('storescu', ['-aet', 'PACS', '-aec', GATEWAY_AET, '127.0.0.1', String(gateway.dicomPort), ...files]);
  if (result.code !== 0) throw new Error(`storescu failed: ${result.stderr}`);
  await gateway.manager.idle();
}

/** Polls until the predicate holds for the export (planning and delivery run in the background). */
export async function waitForExport(gateway: TestGateway, predicate: (record: ExportRecord) => boolean, timeoutMs = 20_000): Promise<ExportRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await gateway.manager.idle();
    const found = gateway.store.exports().find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no export matched in ${timeoutMs} ms: ${JSON.stringify(gateway.store.exports().map((e) => [e.id, e.status]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The review UI as a browser uses it: sign in, read the CSRF token from the page, post the forms. */
export class ReviewClient {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async signIn(password = UI_PASSWORD): Promise<number> {
    const response = await fetch(`${this.baseUrl}/login`, { method: 'POST', body: new URLSearchParams({ password }), redirect: 'manual' });
    this.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    return response.status;
  }

  async get(pathname: string): Promise<Response> {
    return fetch(`${this.baseUrl}${pathname}`, { headers: { cookie: this.cookie }, redirect: 'manual' });
  }

  private async post(pathname: string, fields: Record<string, string>, page: string): Promise<Response> {
    const html = await (await this.get(page)).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    return fetch(`${this.baseUrl}${pathname}`, { method: 'POST', headers: { cookie: this.cookie }, body: new URLSearchParams({ csrf, ...fields }), redirect: 'manual' });
  }

  release(exportId: string): Promise<Response> {
    return this.post(`/exports/${encodeURIComponent(exportId)}/release`, {}, `/exports/${encodeURIComponent(exportId)}`);
  }

  reject(exportId: string, reason: string): Promise<Response> {
    return this.post(`/exports/${encodeURIComponent(exportId)}/reject`, { reason }, `/exports/${encodeURIComponent(exportId)}`);
  }
}
