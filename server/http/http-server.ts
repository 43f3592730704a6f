import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveClient } from './static-files';

/** A route handler returns true when it handled the request. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export const clientDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/dist');

/** The HTTP front: `/healthz`, the routes given (GraphQL, DICOMweb, sign-in), and the web client at `/`. */
export function createHttpServer(routes: RouteHandler[], isReady: () => boolean): Server {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/healthz') {
        const ready = isReady();
        res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ready ? 'ok' : 'starting' }));
        return;
      }
      for (const route of routes) if (await route(req, res, url)) return;
      if (req.method === 'GET' || req.method === 'HEAD') return serveClient(clientDist, req, res);
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${req.method} is not supported on ${url.pathname}\n`);
    } catch (error) {
      console.error('HTTP request failed:', error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error\n');
    }
  });
}
