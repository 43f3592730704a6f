import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { ExportLifecycleError } from '../../domain/gateway/export-lifecycle';
import { UnknownExportError, type ExportManager } from './export-manager';
import type { GatewayStore } from './gateway-store';
import { GATEWAY_CSS, GATEWAY_JS } from './preview-assets';
import { exportDetailPage, exportListPage, loginPage } from './preview-html';
import { renderPng, RenderError } from './png-render';

export interface PreviewServerOptions {
  readonly host: string;
  readonly port: number;
  readonly password: string;
  readonly store: GatewayStore;
  readonly manager: ExportManager;
  readonly gatewayDir: string;
  readonly destinations: readonly string[];
}

export interface RunningPreviewServer {
  readonly port: number;
  close(): Promise<void>;
}

interface Session {
  readonly csrf: string;
  readonly expires: number;
}

const SESSION_COOKIE = 'lbgw_session';
const SESSION_MS = 8 * 3600_000;
const SECURITY_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const digest = (text: string) => createHash('sha256').update(text).digest();

function cookieOf(req: http.IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return null;
}

async function formBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The gateway's review UI: a list of exports, one page per export with the de-identified images as PNG and the
 * Release / Reject forms, behind the gateway password. Sessions are an HttpOnly SameSite=Strict cookie, and every
 * POST carries the session's CSRF token. It shows de-identified data only, and still listens on 127.0.0.1 unless told.
 */
export async function startPreviewServer(options: PreviewServerOptions): Promise<RunningPreviewServer> {
  const sessions = new Map<string, Session>();
  const passwordDigest = digest(options.password);
  const send = (res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}) => {
    res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
    res.end(body);
  };
  const redirect = (res: http.ServerResponse, location: string, extra: Record<string, string> = {}) => {
    res.writeHead(303, { ...SECURITY_HEADERS, Location: location, ...extra });
    res.end();
  };
  const sessionOf = (req: http.IncomingMessage): Session | null => {
    const token = cookieOf(req, SESSION_COOKIE);
    const session = token ? sessions.get(token) : undefined;
    if (!session || session.expires < Date.now()) return null;
    return session;
  };
  const countsFor = () =>
    new Map(options.store.exports().map((e) => {
      const instances = options.store.exportedInstances(e.id);
      return [e.id, { instances: instances.length, held: instances.filter((i) => i.heldForReview).length }];
    }));

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const route = `${req.method} ${url.pathname}`;
    if (route === 'GET /gateway.css') return send(res, 200, GATEWAY_CSS, 'text/css; charset=utf-8');
    if (route === 'GET /gateway.js') return send(res, 200, GATEWAY_JS, 'text/javascript; charset=utf-8');
    if (route === 'GET /healthz') return send(res, 200, 'ok', 'text/plain');
    if (route === 'GET /favicon.ico') return send(res, 204, '', 'image/x-icon');
    if (route === 'GET /login') return send(res, 200, loginPage(false));
    if (route === 'POST /login') {
      const form = await formBody(req);
      if (!timingSafeEqual(digest(form.get('password') ?? ''), passwordDigest)) return send(res, 401, loginPage(true));
      const token = randomBytes(32).toString('base64url');
      sessions.set(token, { csrf: randomBytes(24).toString('base64url'), expires: Date.now() + SESSION_MS });
      return redirect(res, '/', { 'Set-Cookie': `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_MS / 1000}` });
    }
    const session = sessionOf(req);
    if (!session) return req.method === 'GET' ? redirect(res, '/login') : send(res, 401, loginPage(false));
    if (req.method === 'POST') {
      const form = await formBody(req);
      if (form.get('csrf') !== session.csrf) return send(res, 403, 'Forbidden: the form is stale; reload the page.', 'text/plain; charset=utf-8');
      if (url.pathname === '/logout') {
        sessions.delete(cookieOf(req, SESSION_COOKIE) ?? '');
        return redirect(res, '/login', { 'Set-Cookie': `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` });
      }
      const decision = /^\/exports\/([^/]+)\/(release|reject)$/.exec(url.pathname);
      if (!decision) return send(res, 404, 'Not found', 'text/plain');
      const id = decodeURIComponent(decision[1]!);
      try {
        if (decision[2] === 'release') await options.manager.release(id);
        else options.manager.reject(id, form.get('reason') ?? '');
      } catch (error) {
        if (error instanceof UnknownExportError) return send(res, 404, 'Not found', 'text/plain');
        if (error instanceof ExportLifecycleError) return send(res, 409, `${error.code}: ${error.message}`, 'text/plain; charset=utf-8');
        throw error;
      }
      return redirect(res, `/exports/${encodeURIComponent(id)}?done=${decision[2]}`);
    }
    if (route === 'GET /') return send(res, 200, exportListPage(options.store.exports(), countsFor(), session.csrf));
    const png = /^\/exports\/([^/]+)\/instances\/([0-9.]+)\.png$/.exec(url.pathname);
    if (req.method === 'GET' && png) {
      const exportId = decodeURIComponent(png[1]!);
      const instance = options.store.exportedInstances(exportId).find((i) => i.deidUid === png[2]);
      if (!instance) return send(res, 404, 'Not found', 'text/plain');
      try {
        const file = await renderPng(instance.file, path.join(options.gatewayDir, 'exports', exportId, 'png'));
        return send(res, 200, await readFile(file), 'image/png', { 'Cache-Control': 'private, max-age=3600' });
      } catch (error) {
        if (error instanceof RenderError) return send(res, 422, error.message, 'text/plain');
        throw error;
      }
    }
    const detail = /^\/exports\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && detail) {
      const record = options.store.export(decodeURIComponent(detail[1]!));
      if (!record) return send(res, 404, 'Not found', 'text/plain');
      const done = url.searchParams.get('done');
      const message = done === 'release' ? 'Released: the export is queued for every destination.' : done === 'reject' ? 'Rejected: nothing of this export will leave.' : null;
      const page = exportDetailPage(record, options.store.exportedInstances(record.id), options.store.deliveries(record.id), options.destinations, session.csrf, message);
      return send(res, 200, page);
    }
    return send(res, 404, 'Not found', 'text/plain');
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(error as Error).message}`, 'text/plain; charset=utf-8');
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
