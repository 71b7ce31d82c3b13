import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DEMO_KEYS } from '../src/demo/seed.js';
import { runCli, type ServeProcess } from './support/cli-process.js';
import { serveProcesses } from './support/serve-processes.js';

/**
 * The real `micromentor serve` process, as an operator runs it: on a PGlite data folder on disk
 * (or a fresh PostgreSQL database), JSON request logs on stdout, a clean exit on SIGTERM, and
 * the demo seed surviving restarts without being created twice.
 */
describe(`micromentor serve (${process.env.MM_TEST_DB ?? 'pglite'})`, () => {
  const processes = serveProcesses({ env: { MICROMENTOR_LOG: 'json' }, stopAfter: 'each' });

  /** SIGTERM, then the exit status (the test fails on its timeout if it never comes). */
  async function stop(server: ServeProcess) {
    server.child.kill('SIGTERM');
    const result = await Promise.race([
      server.exited,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no exit 20 s after SIGTERM\nstderr: ${server.stderr()}`)), 20_000),
      ),
    ]);
    return result;
  }

  /** The JSON log lines on stdout (every line must be JSON). */
  function logLines(server: ServeProcess): Record<string, unknown>[] {
    return server
      .stdout()
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }

  async function waitForLog(server: ServeProcess, requestId: string) {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const line = logLines(server).find((l) => l.requestId === requestId);
      if (line) return line;
      if (Date.now() > deadline) throw new Error(`no log line for ${requestId}; stdout:\n${server.stdout()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async function listDemoMentors(server: ServeProcess, requestId: string) {
    const res = await fetch(`${server.baseUrl}/v1/mentors?limit=100`, {
      headers: { Authorization: `Bearer ${DEMO_KEYS.secretKey}`, 'X-Request-Id': requestId },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: { id: string }[] };
    return body.data.map((m) => m.id).sort();
  }

  it('serves, logs one JSON line per request on stdout, and exits 0 on SIGTERM', {
    timeout: 150_000,
  }, async () => {
    const server = await processes.serve();
    expect(server.stderr()).toContain(`Micromentor API on http://localhost:${server.port}`);

    const requestId = 'itest-healthz-0001';
    const res = await fetch(`${server.baseUrl}/healthz`, { headers: { 'X-Request-Id': requestId } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    expect(await res.json()).toMatchObject({ status: 'ok' });

    const line = await waitForLog(server, requestId);
    expect(line).toMatchObject({ method: 'GET', route: '/healthz', status: 200, requestId, tenant: null });
    expect(typeof line.ms).toBe('number');
    expect(line.ms as number).toBeGreaterThanOrEqual(0);

    const { code, signal } = await stop(server);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(server.stderr()).toContain('SIGTERM received');
  });

  it('seeds the demo once: a second start on the same data finds it and serves the same mentors', {
    timeout: 240_000,
  }, async () => {
    const first = await processes.serve(['--seed-demo']);
    expect(first.stderr()).toContain(DEMO_KEYS.publishableKey);
    const before = await listDemoMentors(first, 'itest-mentors-0001');
    expect(before.length).toBeGreaterThan(50);
    // An authenticated request is logged with its tenant.
    const line = await waitForLog(first, 'itest-mentors-0001');
    expect(line).toMatchObject({ method: 'GET', route: '/v1/mentors', status: 200 });
    expect(typeof line.tenant).toBe('string');
    expect((await stop(first)).code).toBe(0);

    const second = await processes.serve(['--seed-demo']);
    const after = await listDemoMentors(second, 'itest-mentors-0002');
    expect(after).toEqual(before);
    expect((await waitForLog(second, 'itest-mentors-0002')).tenant).toBe(line.tenant);
    expect((await stop(second)).code).toBe(0);

    // The seed command, run afterwards on the same data, reports the demo as already there.
    const seed = await runCli(['seed', '--demo'], processes.env);
    expect(seed.code).toBe(0);
    expect(seed.stdout).toMatch(/already exists \(\d+ mentors\); nothing changed/);
  });

  it('runs the reply-by-email listener when its port is set, and still exits 0 on SIGTERM with a mail client connected', {
    timeout: 150_000,
  }, async () => {
    const server = await processes.serve([], {
      ...processes.env,
      MICROMENTOR_INBOUND_SMTP_PORT: '0',
      MICROMENTOR_INBOUND_DOMAIN: 'reply.example.org',
    });
    const announced = /Reply by email: SMTP on 127\.0\.0\.1:(\d+) for reply\+…@reply\.example\.org/.exec(
      server.stderr(),
    );
    expect(announced, server.stderr()).not.toBeNull();
    if (!processes.env.MICROMENTOR_SECRET_KEY) expect(server.stderr()).toContain('development key');
    const client = connect(Number(announced![1]), '127.0.0.1');
    const greeting = await new Promise<string>((resolve, reject) => {
      client.once('data', (data) => resolve(data.toString('utf8')));
      client.once('error', reject);
    });
    expect(greeting).toMatch(/^220 reply\.example\.org /);
    const { code } = await stop(server);
    client.destroy();
    expect(code).toBe(0);
  });
});
