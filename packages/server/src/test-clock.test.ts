import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { OffsetClock, TEST_CLOCK_PATH, withTestClock } from './test-clock.js';

const passThrough = async (request: Request) => new Response(`app: ${new URL(request.url).pathname}`);

describe('the end-to-end test clock', () => {
  it('moves only forward through POST /_test/clock and leaves every other path to the app', async () => {
    const clock = new OffsetClock();
    const fetch = withTestClock(passThrough, clock);
    const before = Date.now();
    const res = await fetch(
      new Request(`http://x${TEST_CLOCK_PATH}`, {
        method: 'POST',
        body: JSON.stringify({ advanceMs: 3_600_000 }),
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { now: string; offsetMs: number };
    expect(body.offsetMs).toBe(3_600_000);
    expect(Date.parse(body.now)).toBeGreaterThanOrEqual(before + 3_600_000);
    expect(clock.now().getTime()).toBeGreaterThanOrEqual(before + 3_600_000);
    for (const bad of [{ advanceMs: -1 }, { advanceMs: 'soon' }, {}]) {
      const refused = await fetch(
        new Request(`http://x${TEST_CLOCK_PATH}`, { method: 'POST', body: JSON.stringify(bad) }),
      );
      expect(refused.status).toBe(400);
    }
    expect(clock.offsetMs).toBe(3_600_000);
    expect(await (await fetch(new Request('http://x/v1/mentors'))).text()).toBe('app: /v1/mentors');
  });

  it('is off unless MM_TEST_CLOCK=1, and refused in production', () => {
    expect(loadConfig({}).testClock).toBe(false);
    expect(loadConfig({ MM_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(() => loadConfig({ MM_TEST_CLOCK: '1', NODE_ENV: 'production' })).toThrow(/MM_TEST_CLOCK/);
  });
});
