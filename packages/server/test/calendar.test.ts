import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asLearner, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant();
});
afterAll(() => ctx.close());

async function calendar(bookingId: string, sub = 'cal-learner') {
  const res = await ctx.app.request(`/v1/bookings/${bookingId}/calendar.ics`, {
    headers: {
      Authorization: `Bearer ${tenant.publishableKey}`,
      Origin: tenant.origin,
      'X-User-Token': tenant.token({ sub, name: 'Cal Learner', email: 'cal@example.com' }),
    },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  const text = await res.text();
  const root = new ICAL.Component(ICAL.parse(text));
  const event = root.getFirstSubcomponent('vevent')!;
  return { text, root, event };
}

describe('calendar.ics', () => {
  it('is a valid RFC 5545 event a third-party parser reads back', async () => {
    const m = await bookableMentor(ctx, tenant, {}, { name: 'Zoë O’Brien, PhD; SQL' });
    const b = await book(
      ctx,
      tenant,
      { mentorId: m.id, start: '2026-11-26T09:00:00Z', note: 'Line one\nLine two, with; specials' },
      'cal-learner',
    );
    const { text, root, event } = await calendar(b.body.id);
    expect(text.endsWith('\r\n')).toBe(true);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('uid')).toBe(`${b.body.id}@micromentor`);
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    const vevent = new ICAL.Event(event);
    expect(vevent.startDate.toJSDate().toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(vevent.endDate.toJSDate().toISOString()).toBe('2026-11-26T09:30:00.000Z');
    expect(vevent.summary).toBe('Micromentor session with Zoë O’Brien, PhD; SQL');
    expect(vevent.description).toContain('Line one\nLine two, with; specials');
    expect(event.getFirstPropertyValue('url')).toBe(b.body.joinUrl);
    // The mentor has no address yet: the learner is the one attendee, and nobody organizes.
    expect(event.getFirstProperty('organizer')).toBeNull();
    expect(vevent.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      'mailto:cal@example.com',
    ]);
    expect(vevent.attendees[0]?.getParameter('partstat')).toBe('ACCEPTED');
  });

  it('names the mentor as organizer once they have a contact address', async () => {
    const m = await bookableMentor(ctx, tenant, {}, { name: 'Ada Organizer' });
    const patched = await call(ctx.app, 'PATCH', `/v1/mentors/${m.id}`, {
      key: tenant.secretKey,
      body: { contactEmail: 'ada@example.org' },
    });
    expect(patched.status, patched.text).toBe(200);
    const b = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T11:00:00Z' }, 'cal-learner');
    const { event } = await calendar(b.body.id);
    const vevent = new ICAL.Event(event);
    expect(vevent.organizer.toLowerCase()).toBe('mailto:ada@example.org');
    expect(event.getFirstProperty('organizer')?.getParameter('cn')).toBe('Ada Organizer');
  });

  it('bumps SEQUENCE on reschedule and says METHOD:CANCEL once cancelled, keeping the UID', async () => {
    const m = await bookableMentor(ctx, tenant);
    const b = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-27T09:00:00Z' }, 'cal-learner');
    const moved = await call(ctx.app, 'POST', `/v1/bookings/${b.body.id}/reschedule`, {
      ...asLearner(tenant, 'cal-learner'),
      body: { start: '2026-11-27T10:00:00Z' },
    });
    expect(moved.status).toBe(200);
    const afterMove = await calendar(b.body.id);
    expect(afterMove.event.getFirstPropertyValue('sequence')).toBe(1);
    expect(new ICAL.Event(afterMove.event).startDate.toJSDate().toISOString()).toBe(
      '2026-11-27T10:00:00.000Z',
    );
    await call(ctx.app, 'POST', `/v1/bookings/${b.body.id}/cancel`, {
      ...asLearner(tenant, 'cal-learner'),
      body: { reason: 'Done' },
    });
    const afterCancel = await calendar(b.body.id);
    expect(afterCancel.root.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(afterCancel.event.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(afterCancel.event.getFirstPropertyValue('sequence')).toBe(2);
    expect(afterCancel.event.getFirstPropertyValue('uid')).toBe(`${b.body.id}@micromentor`);
  });

  it('is only for the booking’s learner, mentor and program', async () => {
    const m = await bookableMentor(ctx, tenant);
    const b = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-30T09:00:00Z' }, 'cal-owner');
    const res = await call(
      ctx.app,
      'GET',
      `/v1/bookings/${b.body.id}/calendar.ics`,
      asLearner(tenant, 'cal-stranger'),
    );
    expect(res.status).toBe(404);
  });
});
