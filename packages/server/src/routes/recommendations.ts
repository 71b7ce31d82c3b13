import { createRoute } from '@hono/zod-openapi';
import {
  dismissRecommendation,
  type GuidanceLearner,
  recommendationsFor,
} from '../domain/guidance/recommendations.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import type { Auth } from '../http/env.js';
import { createRouter } from '../http/router.js';
import { ANY_USER, commonErrors, jsonBody, jsonResponse } from '../schemas/common.js';
import { DismissRecommendationSchema, RecommendationsSchema } from '../schemas/guidance.js';

const list = createRoute({
  method: 'get',
  path: '/v1/me/recommendations',
  tags: ['Me'],
  summary: 'What to ask about next',
  description:
    'Up to 5 topics to ask about next, from your requests and what the program’s learners asked next ' +
    '(“People who asked about X next asked about Y”), backed off to the skill taxonomy and the program’s ' +
    'popular topics; each explained, with up to 2 mentors holding the skill who are not on your board. ' +
    'Never a topic you asked about or dismissed. See docs/features/after-the-session.md.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(RecommendationsSchema, 'The suggestions, best first.'), ...commonErrors },
});

const dismiss = createRoute({
  method: 'post',
  path: '/v1/me/recommendations/dismiss',
  tags: ['Me'],
  summary: 'Dismiss a suggested topic',
  description:
    'The topic is not suggested to you again. Dismissing it twice is the same as once. A skill outside the ' +
    'taxonomy is refused (400 `unknown_skill`).',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { body: jsonBody(DismissRecommendationSchema) },
  responses: { 204: { description: 'Dismissed.' }, ...commonErrors },
});

function learnerOf(auth: Auth): GuidanceLearner {
  // requireUser has run.
  const user = auth.user!;
  return { tenantId: auth.tenant.id, id: user.id, externalId: user.externalId };
}

export function recommendationRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json(await recommendationsFor(ctx(c), learnerOf(c.get('auth'))), 200))
    .openapi(dismiss, async (c) => {
      await dismissRecommendation(ctx(c), learnerOf(c.get('auth')), c.req.valid('json').skill);
      return c.body(null, 204);
    });
}
