import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, Page, PermissionError } from '../../packages/sdk/src/index.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.mentors, mm.mentors.availability and mm.me.applyAsMentor against the real server.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
});
afterAll(() => api?.close());

describe('mentor profiles', () => {
  it('creates, reads, updates and deletes a mentor, skills normalised', async () => {
    const mm = tenant.backend();
    const created = await mm.mentors.create({
      externalId: 'host-m-1',
      name: 'Grace Compiler',
      headline: 'Compilers and COBOL',
      skills: ['TS', 'node.js'],
      yearsExperience: 12,
      languages: ['EN', 'es'],
      timeZone: 'America/New_York',
      formats: ['video', 'chat'],
    });
    expect(created).toMatchObject({
      externalId: 'host-m-1',
      skills: ['typescript', 'node'],
      languages: ['en', 'es'],
      status: 'approved',
      stats: { sessions: 0, rating: null },
    });
    expect(await mm.mentors.get(created.id)).toEqual(created);

    const updated = await mm.mentors.update(created.id, {
      headline: 'Compilers, COBOL and mentoring',
      status: 'paused',
    });
    expect(updated).toMatchObject({
      id: created.id,
      headline: 'Compilers, COBOL and mentoring',
      status: 'paused',
    });

    await expect(mm.mentors.delete(created.id)).resolves.toBeUndefined();
    expect(await failure(mm.mentors.get(created.id))).toBeInstanceOf(NotFoundError);
  });

  it('lists with filters, page by page and across every page with for await', async () => {
    const mm = tenant.backend();
    for (let i = 0; i < 23; i++) {
      await mm.mentors.create({
        name: `Rustacean ${String(i).padStart(2, '0')}`,
        skills: ['rust', i % 2 ? 'wasm' : 'tokio'],
        languages: i < 5 ? ['pt', 'en'] : ['en'],
        timeZone: 'Europe/Lisbon',
        formats: i % 3 ? ['chat'] : ['video'],
      });
    }
    const first = await mm.mentors.list({ skills: ['rust'], limit: 10 });
    expect(first).toBeInstanceOf(Page);
    expect(first.data).toHaveLength(10);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.nextPage();
    expect(second?.data[0]?.name).toBe('Rustacean 10');

    const names: string[] = [];
    for await (const mentor of mm.mentors.list({ skills: ['rust'], limit: 10 })) names.push(mentor.name);
    expect(names).toHaveLength(23);
    expect(names).toEqual([...names].sort());

    expect(await mm.mentors.list({ skills: ['rust'], limit: 5 }).toArray({ limit: 12 })).toHaveLength(12);
    expect(await mm.mentors.list({ skills: ['rust', 'wasm'] }).toArray()).toHaveLength(11);
    expect(await mm.mentors.list({ skills: ['rust'], language: 'pt' }).toArray()).toHaveLength(5);
    expect(await mm.mentors.list({ skills: ['rust'], format: 'video' }).toArray()).toHaveLength(8);
    const search = await mm.mentors.list({ q: 'tokio' }).toArray();
    expect(search).toHaveLength(12);
    expect(search.every((m) => m.skills.includes('tokio'))).toBe(true);
  });

  it('shows learners approved mentors only', async () => {
    const mm = tenant.backend();
    const pending = await mm.mentors.create({
      name: 'Pending Pat',
      skills: ['erlang'],
      timeZone: 'UTC',
      formats: ['chat'],
      status: 'pending',
    });
    expect((await mm.mentors.list({ skills: ['erlang'], status: 'pending' })).data.map((m) => m.id)).toEqual([
      pending.id,
    ]);
    const learner = tenant.browser('learner-1');
    expect((await learner.mentors.list({ skills: ['erlang'] })).data).toEqual([]);
    expect(await failure(learner.mentors.get(pending.id))).toBeInstanceOf(NotFoundError);
  });
});

describe('availability and slots', () => {
  it('sets the rules, reads them back with defaults, and lists free slots in a window', async () => {
    const mm = tenant.backend();
    const mentor = await mm.mentors.create({
      name: 'Ava Avail',
      skills: ['go'],
      timeZone: 'UTC',
      formats: ['video'],
    });
    const stored = await mm.mentors.availability.set(mentor.id, {
      timeZone: 'Europe/Berlin',
      weekly: [{ day: 'mon', start: '09:00', end: '12:00' }],
      sessionLengths: [30],
      overrides: [{ date: '2026-12-24', intervals: [] }],
    });
    expect(stored).toMatchObject({
      timeZone: 'Europe/Berlin',
      bufferBeforeMinutes: 0,
      minNoticeMinutes: 60,
      horizonDays: 30,
      maxPerDay: null,
      meetingUrl: null,
    });
    expect(await mm.mentors.availability.get(mentor.id)).toEqual(stored);
    expect((await mm.mentors.get(mentor.id)).timeZone).toBe('Europe/Berlin');

    await mm.mentors.availability.set(mentor.id, ALL_WEEK);
    const from = new Date(Date.now() + 60 * 60_000);
    const slots = await mm.mentors.slots(mentor.id, {
      from,
      to: new Date(from.getTime() + 6 * 60 * 60_000),
      duration: 30,
    });
    expect(slots.data.length).toBeGreaterThan(5);
    for (const slot of slots.data) {
      expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(30 * 60_000);
      expect(Date.parse(slot.start)).toBeGreaterThanOrEqual(from.getTime());
    }
  });

  it('lets a mentor manage their own availability, and no one else', async () => {
    const mm = tenant.backend();
    const mentor = await mm.mentors.create({
      externalId: 'mentor-self',
      name: 'Sol Self',
      skills: ['go'],
      timeZone: 'UTC',
      formats: ['chat'],
    });
    const self = tenant.browser('mentor-self');
    await expect(self.mentors.availability.set(mentor.id, ALL_WEEK)).resolves.toMatchObject({
      minNoticeMinutes: 0,
    });
    expect(await failure(tenant.browser('someone-else').mentors.availability.get(mentor.id))).toBeInstanceOf(
      PermissionError,
    );
  });
});

describe('applying as a mentor', () => {
  it('a user applies, finds the profile pending in me, and edits it', async () => {
    const mm = tenant.browser('future-mentor');
    const applied = await mm.me.applyAsMentor({
      headline: 'Data viz',
      bio: 'D3 and friends.',
      skills: ['d3', 'svg'],
      yearsExperience: 6,
      timeZone: 'Asia/Tokyo',
      formats: ['call'],
    });
    expect(applied).toMatchObject({
      externalId: 'future-mentor',
      name: 'User future-mentor',
      status: 'pending',
    });
    expect(applied.statusReason).toBeNull();
    // The applicant sees the program's reason in `me` too (null until a status change gives one).
    expect((await mm.me.get()).mentorProfile).toEqual(applied);
    expect(await mm.me.mentorProfile()).toEqual(applied);
    const edited = await mm.mentors.update(applied.id, { headline: 'Data visualisation' });
    expect(edited.headline).toBe('Data visualisation');
    expect(await failure(mm.me.applyAsMentor({ ...applied, formats: ['call'] }))).toMatchObject({
      status: 400,
    });
  });
});
