import { createRoute } from '@hono/zod-openapi';
import {
  type AdviceLearner,
  decide,
  listAdvisedQuestions,
  questionAdvice,
  shareEarlierAdvice,
} from '../domain/advice/questions.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import type { Auth } from '../http/env.js';
import { createRouter } from '../http/router.js';
import {
  DecideSchema,
  DecisionSchema,
  QuestionAdviceSchema,
  QuestionParamSchema,
  QuestionsSchema,
  ShareAdviceSchema,
} from '../schemas/advice.js';
import { ANY_USER, commonErrors, jsonBody, jsonResponse, notFoundError } from '../schemas/common.js';

const SEE = 'See docs/features/after-the-session.md (“When mentors disagree”).';

const list = createRoute({
  method: 'get',
  path: '/v1/me/questions',
  tags: ['Me'],
  summary: 'Questions several mentors advised on',
  description:
    'Your questions (a request, with any later request re-asking it: same skills, similar title) on which ' +
    `at least two mentors held a session or wrote in a thread, first asked first. ${SEE}`,
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(QuestionsSchema, 'The questions.'), ...commonErrors },
});

const advice = createRoute({
  method: 'get',
  path: '/v1/me/questions/{requestId}/advice',
  tags: ['Me'],
  summary: 'Mentors’ advice side by side',
  description:
    'Each mentor’s action items and notes on the question, where they agree (pieces sharing content words) ' +
    'and where they differ, each mark explained; your decision. 404 when the request is not yours or fewer ' +
    `than two mentors advised on it. ${SEE}`,
  ...ANY_USER,
  middleware: [requireUser] as const,
  request: { params: QuestionParamSchema },
  responses: { 200: jsonResponse(QuestionAdviceSchema, 'The advice.'), ...commonErrors, ...notFoundError },
});

const decision = createRoute({
  method: 'post',
  path: '/v1/me/questions/{requestId}/decision',
  tags: ['Me'],
  summary: 'Record what you decided',
  description: `Plain text up to 2,000 characters; sending it again replaces it. ${SEE}`,
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { params: QuestionParamSchema, body: jsonBody(DecideSchema) },
  responses: { 200: jsonResponse(DecisionSchema, 'The decision.'), ...commonErrors, ...notFoundError },
});

const share = createRoute({
  method: 'post',
  path: '/v1/me/questions/{requestId}/share',
  tags: ['Me'],
  summary: 'Share earlier advice with later mentors',
  description:
    'When on, a mentor who sees an offer, session or thread of this question sees what your other mentors ' +
    `advised on it (their action items and an excerpt of their notes). Off by default. ${SEE}`,
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { params: QuestionParamSchema, body: jsonBody(ShareAdviceSchema) },
  responses: { 200: jsonResponse(ShareAdviceSchema, 'The setting.'), ...commonErrors, ...notFoundError },
});

function learnerOf(auth: Auth): AdviceLearner {
  // requireUser has run.
  return { tenantId: auth.tenant.id, id: auth.user!.id };
}

export function adviceRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json(await listAdvisedQuestions(ctx(c), learnerOf(c.get('auth'))), 200))
    .openapi(advice, async (c) =>
      c.json(await questionAdvice(ctx(c), learnerOf(c.get('auth')), c.req.valid('param').requestId), 200),
    )
    .openapi(decision, async (c) => {
      const { requestId } = c.req.valid('param');
      return c.json(await decide(ctx(c), learnerOf(c.get('auth')), requestId, c.req.valid('json').text), 200);
    })
    .openapi(share, async (c) => {
      const { requestId } = c.req.valid('param');
      const on = c.req.valid('json').shareEarlierAdvice;
      return c.json(await shareEarlierAdvice(ctx(c), learnerOf(c.get('auth')), requestId, on), 200);
    });
}
