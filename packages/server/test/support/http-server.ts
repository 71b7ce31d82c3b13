import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { App } from '../../src/app.js';

export interface TestServer {
  url: string;
  close(): Promise<void>;
  /** Cuts every open connection (event streams included); keeps listening. */
  dropConnections(): void;
}

/** Serves the app on a real loopback port, for tests that must go over HTTP. */
export async function listen(app: App): Promise<TestServer> {
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dropConnections: () => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}
