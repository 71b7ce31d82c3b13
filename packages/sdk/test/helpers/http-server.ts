import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface TestServer {
  baseUrl: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on a random local port; answers by `METHOD path` (no query), else with
 * `fallback` (by default a 404 problem).
 */
export async function startServer(routes: Record<string, Handler>, fallback?: Handler): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      requests.push({ method: req.method ?? '', url, headers: req.headers, body });
      const handler = routes[`${req.method} ${url.split('?')[0]}`];
      if (handler) handler(req, res, body);
      else if (fallback) fallback(req, res, body);
      else sendProblem(res, 404, { title: 'Not Found', detail: 'No such route.', code: 'not_found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging test routes hold sockets open; close them or `close` never calls back.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json',
): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(JSON.stringify(body));
}

export function sendProblem(
  res: ServerResponse,
  status: number,
  problem: { title: string; detail: string; code: string; requestId?: string; errors?: unknown[] },
): void {
  sendJson(res, status, { status, requestId: 'req_default', ...problem }, 'application/problem+json');
}
