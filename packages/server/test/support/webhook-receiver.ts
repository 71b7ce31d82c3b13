import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered (null while held or if it never answered). */
  answered: number | null;
}

/**
 * A real HTTP receiver on a loopback port: an outside party to the server, as a customer's
 * endpoint would be. `status` sets its answer; `down()` closes the port, `up()` reopens it;
 * `hold()` makes it take the next request and not answer it until `release()`; `delayMs`
 * makes it slow.
 */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = [];
  status = 200;
  /** How long it takes to answer each request (a slow receiver). */
  delayMs = 0;
  #server: Server | undefined;
  #port = 0;
  #holding = 0;
  #held: ServerResponse[] = [];

  get url(): string {
    return `http://127.0.0.1:${this.#port}/hooks`;
  }

  async up(): Promise<void> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const hook: ReceivedWebhook = {
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          answered: null,
        };
        this.received.push(hook);
        if (this.#holding > 0) {
          this.#holding -= 1;
          this.#held.push(res);
          return;
        }
        const answer = () => {
          hook.answered = this.status;
          res.writeHead(this.status, { 'content-type': 'text/plain' }).end(`answer ${this.status}`);
        };
        if (this.delayMs > 0) setTimeout(answer, this.delayMs);
        else answer();
      });
    });
    await new Promise<void>((resolve) => server.listen(this.#port, '127.0.0.1', () => resolve()));
    this.#port = (server.address() as AddressInfo).port;
    this.#server = server;
  }

  async down(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** The next `count` requests are taken but not answered until `release()`. */
  hold(count = 1): void {
    this.#holding = count;
  }

  /** Answers every held request with the current status and stops holding. */
  release(): void {
    this.#holding = 0;
    for (const res of this.#held.splice(0)) res.writeHead(this.status).end('late answer');
  }

  /** Distinct `webhook-id`s received (answered or not). */
  ids(): Set<string> {
    return new Set(this.received.map((r) => String(r.headers['webhook-id'])));
  }

  /** Distinct `webhook-id`s the receiver accepted with a 2xx. */
  acceptedIds(): Set<string> {
    return new Set(
      this.received
        .filter((r) => r.answered !== null && r.answered >= 200 && r.answered < 300)
        .map((r) => String(r.headers['webhook-id'])),
    );
  }
}
