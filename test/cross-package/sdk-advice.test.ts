import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { myQuestions, NotFoundError, ValidationError } from '../../packages/sdk/src/index.js';
import { ManualClock } from '../../packages/server/src/clock.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// Advice that agrees, over HTTP through the SDK: two mentors' sessions on one question, compared;
// the learner's decision; sharing the earlier advice with a later mentor.
let api: RunningApi;
let tenant: SdkTenant;
const clock = new ManualClock('2026-12-01T08:01:00Z');

beforeAll(async () => {
  api = await startApi({ clock });
  tenant = await sdkTenant(api, {}, clock);
});
afterAll(() => api?.close());

describe('advice from several mentors through the SDK', () => {
  it('compares two mentors’ advice, records the decision and shares it with a later mentor', async () => {
    const mentors = [];
    for (const [externalId, name] of [
      ['q-ana', 'Ana Index'],
      ['q-ben', 'Ben View'],
      ['q-cy', 'Cy Later'],
    ] as const) {
      const mentor = await tenant.backend().mentors.create({
        externalId,
        name,
        skills: ['sql'],
        timeZone: 'Europe/Lisbon',
        formats: ['video'],
      });
      await tenant.backend().mentors.availability.set(mentor.id, ALL_WEEK);
      mentors.push(mentor);
    }
    const [ana, ben, cy] = mentors as [(typeof mentors)[0], (typeof mentors)[0], (typeof mentors)[0]];
    const { request } = await tenant.user('q-learner').requests.create({
      title: 'Why is my SQL query slow?',
      skills: ['sql'],
    });
    const sessionWith = async (mentorId: string, dayOffset: number) => {
      const from = new Date(clock.now().getTime() + dayOffset * 86_400_000);
      const slots = await tenant.user('q-learner').mentors.slots(mentorId, {
        from,
        to: new Date(from.getTime() + 86_400_000),
        duration: 30,
      });
      return tenant.user('q-learner').bookings.create({
        mentorId,
        start: slots.data[0]!.start,
        durationMinutes: 30,
        format: 'video',
        requestId: request.id,
      });
    };
    const withAna = await sessionWith(ana.id, 0);
    const withBen = await sessionWith(ben.id, 1);
    const withCy = await sessionWith(cy.id, 5);
    clock.set(new Date(new Date(withBen.start).getTime() + 25 * 60_000));
    await tenant.user('q-ana', ['mentor']).bookings.setNotes(withAna.id, {
      summary: 'Denormalise the totals into a summary table.',
      actionItems: [{ text: 'Add an index on orders.customer_id' }],
    });
    await tenant.user('q-ben', ['mentor']).bookings.setNotes(withBen.id, {
      summary: 'Keep the totals normalised.',
      actionItems: [{ text: 'Create an index on the customer_id column of orders' }],
    });

    const mine = myQuestions(tenant.user('q-learner'));
    const { questions } = await mine.questions();
    expect(questions.map((q) => [q.question.id, q.mentors.map((m) => m.name)])).toEqual([
      [request.id, ['Ana Index', 'Ben View']],
    ]);
    const advice = await mine.advice(request.id);
    expect(advice.agreements.map((a) => a.explanation)).toEqual([
      expect.objectContaining({
        code: 'agree',
        params: expect.objectContaining({ shared: ['customer', 'id', 'index', 'order'] }),
      }),
    ]);
    expect(advice.differences.map((d) => d.explanation.code)).toEqual(['differs', 'differs']);

    const decision = await mine.decide(request.id, 'Index customer_id; keep totals normalised');
    expect(decision.text).toBe('Index customer_id; keep totals normalised');
    expect((await mine.advice(request.id)).decision?.text).toBe(decision.text);

    const cySide = tenant.user('q-cy', ['mentor']);
    expect((await cySide.bookings.get(withCy.id)).request?.earlierAdvice).toBeUndefined();
    expect(await mine.shareAdvice(request.id, true)).toEqual({ shareEarlierAdvice: true });
    const brief = (await cySide.bookings.get(withCy.id)).request;
    expect(brief?.earlierAdvice?.map((a) => [a.mentorName, a.actionItems])).toEqual([
      ['Ana Index', ['Add an index on orders.customer_id']],
      ['Ben View', ['Create an index on the customer_id column of orders']],
    ]);

    expect(await failure(myQuestions(tenant.user('q-other')).advice(request.id))).toBeInstanceOf(
      NotFoundError,
    );
    const refused = await failure(mine.decide(request.id, ' '));
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused).toMatchObject({ status: 400 });
  });
});
