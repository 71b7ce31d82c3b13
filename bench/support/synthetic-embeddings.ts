/**
 * Embeddings for the matching-speed section's bulk-inserted mentors, made without running the
 * model once per profile (10k profiles through the model would take minutes, 100k an hour).
 * Each taxonomy skill's sentence is embedded once, for real; a mentor's profile vector is the
 * unit mean of their skills' vectors plus a little seeded noise (so no two mentors tie), and the
 * one quotable sentence stored is their first skill's. What a search costs depends on the number
 * and size of the vectors, not on where they came from, so the figures hold for real profiles.
 */

import type { Database } from '../../packages/server/src/db/database.js';
import { saveMentorEmbeddings } from '../../packages/server/src/db/mentor-embeddings.js';
import {
  meanVector,
  type SentenceEmbedder,
} from '../../packages/server/src/domain/matching/semantic/profile-vector.js';
import { SKILLS } from '../../packages/server/src/domain/skills/taxonomy.js';
import type { Kysely } from './kysely.js';

const PAGE = 1_000;
const NOISE = 0.15;

const sentenceOf = (slug: string) => `I help people get unstuck with ${SKILLS[slug]?.label ?? slug}.`;

/** mulberry32 seeded from the mentor's id, so a re-run writes the same vectors. */
function noiseFor(id: string, dimensions: number): Float32Array {
  let a = 0;
  for (let i = 0; i < id.length; i++) a = (Math.imul(a, 31) + id.charCodeAt(i)) >>> 0;
  const out = new Float32Array(dimensions);
  for (let i = 0; i < dimensions; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296 - 0.5) * NOISE;
  }
  return out;
}

/** Stores an embedding for every approved mentor of the tenant that has none; returns how many. */
export async function embedSynthetic(
  db: Kysely<Database>,
  embedder: SentenceEmbedder,
  tenantId: string,
): Promise<number> {
  const slugs = Object.keys(SKILLS);
  const vectors = await embedder.embed(slugs.map(sentenceOf));
  const bySkill = new Map(slugs.map((slug, i) => [slug, vectors[i]!]));
  const { dimensions, id: provider } = embedder.provider;
  let written = 0;
  for (;;) {
    const rows = await db
      .selectFrom('mentors as m')
      .select(['m.id', 'm.skills'])
      .where('m.tenant_id', '=', tenantId)
      .where('m.status', '=', 'approved')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('mentor_embeddings as e').select('e.mentor_id').whereRef('e.mentor_id', '=', 'm.id'),
          ),
        ),
      )
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return written;
    const now = new Date();
    await db.transaction().execute((trx) =>
      saveMentorEmbeddings(
        trx,
        tenantId,
        rows.map((row) => {
          const skills = row.skills.filter((s) => bySkill.has(s));
          const first = skills[0] ?? slugs[0]!;
          return {
            mentorId: row.id,
            provider,
            sourceHash: 'bench-synthetic',
            profile: meanVector(
              [...skills.map((s) => bySkill.get(s)!), noiseFor(row.id, dimensions)],
              dimensions,
            ),
            sentences: [sentenceOf(first)],
            sentenceVectors: [bySkill.get(first)!],
          };
        }),
        now,
      ),
    );
    written += rows.length;
  }
}
