import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Resolver, sendWebhook } from './send.js';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

/** A TCP port that takes connections and never answers; counts them. */
async function silentPort(): Promise<{ port: number; connections: () => number }> {
  let count = 0;
  const port = await listen(
    createServer((socket) => {
      count += 1;
      sockets.push(socket);
    }),
  );
  return { port, connections: () => count };
}

const send = (
  url: string,
  options: { allowPrivate?: boolean; timeoutMs?: number; resolve?: Resolver } = {},
) =>
  sendWebhook(url, {}, '{}', {
    allowPrivate: options.allowPrivate ?? true,
    timeoutMs: options.timeoutMs ?? 5_000,
    resolve: options.resolve,
  });

describe('sending a webhook', () => {
  it('refuses at connect time a name that resolves to a private address: nothing is contacted', async () => {
    const target = await silentPort();
    const lookups: string[] = [];
    const rebinding: Resolver = async (hostname) => {
      lookups.push(hostname);
      return [{ address: '127.0.0.1', family: 4 }];
    };
    const result = await send(`https://hooks.rebind.example:${target.port}/in`, {
      allowPrivate: false,
      resolve: rebinding,
    });
    expect(lookups).toEqual(['hooks.rebind.example']);
    expect(result).toMatchObject({ statusCode: null, error: 'address not allowed', blocked: true });
    expect(target.connections()).toBe(0);
  });

  it('refuses address literals in any spelling before connecting', async () => {
    for (const url of ['https://0x7f.1/', 'https://127.0.0.1../', 'https://[::ffff:0:7f00:1]/']) {
      const result = await send(url, { allowPrivate: false });
      expect(result, url).toMatchObject({ statusCode: null, error: 'address not allowed', blocked: true });
    }
  });

  it('names failures coarsely: no address, port or system message', async () => {
    // Connection refused: a port nobody listens on.
    const closed = await listen(createServer());
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const refused = await send(`http://127.0.0.1:${closed}/in`);
    expect(refused).toMatchObject({ statusCode: null, error: 'connection refused', blocked: false });

    // Timeout: the receiver takes the connection and never answers.
    const silent = await silentPort();
    const slow = await send(`http://127.0.0.1:${silent.port}/in`, { timeoutMs: 300 });
    expect(slow).toMatchObject({ statusCode: null, error: 'timeout', blocked: false });

    // TLS error: https to a receiver that speaks plain HTTP.
    const plain = await listen(createHttpServer((_req, res) => res.end('plain')));
    const tls = await send(`https://127.0.0.1:${plain}/in`);
    expect(tls).toMatchObject({ statusCode: null, error: 'TLS error', blocked: false });

    // DNS: a name with no address, and one the resolver does not know.
    const none = await send('http://nowhere.example/in', { resolve: async () => [] });
    expect(none).toMatchObject({ statusCode: null, error: 'DNS lookup failed' });
    const unknown = await send('http://unknown.example/in', {
      resolve: async (hostname) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      },
    });
    expect(unknown).toMatchObject({ statusCode: null, error: 'DNS lookup failed' });

    // An answer is its status, with no error.
    const answering = await listen(createHttpServer((_req, res) => res.writeHead(503).end('busy')));
    const busy = await send(`http://127.0.0.1:${answering}/in`);
    expect(busy).toMatchObject({ statusCode: 503, error: null, responseExcerpt: 'busy' });
  });
});
