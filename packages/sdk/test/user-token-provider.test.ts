import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, Micromentor } from '../src/index.js';
import { sendJson, sendProblem, startServer, type TestServer } from './helpers/http-server.js';

/** An unsigned JWT-shaped token: the fake server below only checks that it knows it. */
function token(name: string, expiresInSeconds: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256' })}.${part({ sub: name, exp: Math.floor(Date.now() / 1000) + expiresInSeconds })}.sig`;
}

let server: TestServer;
/** Tokens the fake API accepts; anything else is a 401. */
const accepted = new Set<string>();

beforeAll(async () => {
  server = await startServer({
    'GET /v1/me': (req, res) => {
      const sent = req.headers['x-user-token'];
      if (typeof sent === 'string' && accepted.has(sent))
        return sendJson(res, 200, { user: { token: sent } });
      sendProblem(res, 401, { title: 'Unauthorized', detail: 'Bad token.', code: 'invalid_user_token' });
    },
    // The same, answering only after 150 ms (a call still on its way while another renews).
    'GET /v1/me/stats': (req, res) => {
      const sent = req.headers['x-user-token'];
      setTimeout(() => {
        if (typeof sent === 'string' && accepted.has(sent)) return sendJson(res, 200, { token: sent });
        sendProblem(res, 401, { title: 'Unauthorized', detail: 'Bad token.', code: 'invalid_user_token' });
      }, 150);
    },
  });
});

afterAll(() => server.close());

function sentTokens(from: number): (string | undefined)[] {
  return server.requests.slice(from).map((r) => r.headers['x-user-token'] as string | undefined);
}

describe('userTokenProvider', () => {
  it('asks for a token when there is none, sharing one renewal between concurrent calls', async () => {
    const fresh = token('b', 3600);
    accepted.add(fresh);
    let calls = 0;
    const client = new Micromentor({ baseUrl: server.baseUrl, publishableKey: 'pk_test' });
    client.setUserTokenProvider(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return fresh;
    });
    const from = server.requests.length;
    await Promise.all([client.me.get(), client.me.get()]);
    expect(calls).toBe(1);
    expect(sentTokens(from)).toEqual([fresh, fresh]);
  });

  it('does not renew again for a call refused with the old token after another call renewed it', async () => {
    const expired = token('d', 3600); // not accepted
    const fresh = token('d2', 3600);
    accepted.add(fresh);
    let calls = 0;
    const client = new Micromentor({
      baseUrl: server.baseUrl,
      publishableKey: 'pk_test',
      userToken: expired,
      maxRetries: 0,
      userTokenProvider: () => {
        calls++;
        return fresh;
      },
    });
    const from = server.requests.length;
    // The slow call leaves with the expired token; the fast one is refused, renews, and succeeds
    // before the slow one's refusal comes back: that one is sent again with the new token.
    const [slow] = await Promise.all([client.me.stats(), client.me.get()]);
    expect(slow).toEqual({ token: fresh });
    expect(calls).toBe(1);
    expect(sentTokens(from).sort()).toEqual([expired, expired, fresh, fresh].sort());
  });

  it('renews once on a 401 and sends the call again', async () => {
    const revoked = token('c', 3600); // not accepted: the server refuses it
    const fresh = token('c2', 3600);
    accepted.add(fresh);
    const client = new Micromentor({
      baseUrl: server.baseUrl,
      publishableKey: 'pk_test',
      userToken: revoked,
      maxRetries: 0,
      userTokenProvider: () => fresh,
    });
    const from = server.requests.length;
    expect(await client.me.get()).toEqual({ user: { token: fresh } });
    expect(sentTokens(from)).toEqual([revoked, fresh]);
    expect(client.userToken).toBe(fresh);
  });

  it('gives up after one renewal when the new token is refused too', async () => {
    const client = new Micromentor({
      baseUrl: server.baseUrl,
      publishableKey: 'pk_test',
      userToken: token('d', 3600),
      userTokenProvider: () => token('still-bad', 3600),
    });
    const from = server.requests.length;
    await expect(client.me.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests.length - from).toBe(2);
  });

  it('without a provider, a 401 is thrown at once', async () => {
    const client = new Micromentor({
      baseUrl: server.baseUrl,
      publishableKey: 'pk_test',
      userToken: 'x.y.z',
    });
    const from = server.requests.length;
    await expect(client.me.get()).rejects.toBeInstanceOf(AuthenticationError);
    expect(server.requests.length - from).toBe(1);
  });
});
