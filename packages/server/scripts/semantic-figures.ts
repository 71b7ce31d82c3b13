/**
 * Figures for matching by meaning (docs/features/matching.md), printed, never asserted:
 * model load, per-query embedding time, RSS with the model, backfill rate for template-built
 * profiles (sentence cache), and the in-process index at 10k and 100k profiles: its load from the
 * database, the per-call version check and nearest().
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<empty db> node --import tsx scripts/semantic-figures.ts
 *   (no DATABASE_URL: an in-memory PGlite)  FIGURES_SIZES=10000,100000  FIGURES_BACKFILL=2000
 */
import { sql } from 'kysely';
import { connectDatabase } from '../src/db/connect.js';
import { packVectors } from '../src/db/mentor-embeddings.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { SentenceEmbedder } from '../src/domain/matching/semantic/profile-vector.js';
import { normalize } from '../src/domain/matching/semantic/provider.js';
import { createSemanticSearch } from '../src/domain/matching/semantic/semantic-search.js';
import { useLiteProvider } from '../src/domain/matching/semantic/use-lite.js';
import { createTenant } from '../src/domain/tenants/create-tenant.js';
import { SecretBox } from '../src/security/keys.js';

const SIZES = (process.env.FIGURES_SIZES ?? '10000,100000').split(',').map(Number);
const BACKFILL = Number(process.env.FIGURES_BACKFILL ?? 2000);

const mb = () => Math.round(process.memoryUsage().rss / 1e6);
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return `p50 ${pct(sorted, 0.5).toFixed(1)} ms, p95 ${pct(sorted, 0.95).toFixed(1)} ms`;
};

const QUESTIONS = [
  'How should I ask my boss for more pay?',
  'My React useEffect fires twice and my API gets two POSTs',
  'How do I tell my stakeholders the launch slips two weeks?',
  'My LEFT JOIN returns too many rows',
  'Pods keep restarting with OOMKilled in our cluster',
  'How do I structure my first technical interview answers?',
  'What is a good way to learn statistics for A/B tests?',
  'Our Airflow DAG runs twice after a deploy',
  'I want to move from QA into development, where do I start?',
  'How do I make my website usable with a screen reader?',
];

/** Template-built profiles: a few hundred distinct sentences combined many ways (as seeded data is). */
function templateProfile(i: number) {
  const topics = [
    'SQL',
    'React',
    'Kubernetes',
    'Python',
    'product management',
    'UX research',
    'Go',
    'security',
  ];
  const verbs = ['debugging', 'reviewing', 'designing', 'teaching', 'scaling', 'testing'];
  const t = topics[i % topics.length]!;
  const u = topics[(i * 7 + 3) % topics.length]!;
  const v = verbs[(i * 13) % verbs.length]!;
  return {
    headline: `${['Senior', 'Staff', 'Lead', 'Principal'][i % 4]} engineer for ${t}`,
    bio: `I help people with ${v} ${t} work. I have mentored many people moving into ${u}. Years of ${t} and ${u} in production.`,
    skills: [t.toLowerCase().replace(/ /g, '-'), u.toLowerCase().replace(/ /g, '-')],
  };
}

async function main() {
  const handle = await connectDatabase(
    process.env.DATABASE_URL
      ? { databaseUrl: process.env.DATABASE_URL, poolSize: 4 }
      : { dataDir: 'memory://' },
  );
  const db = handle.db;
  await migrateToLatest(db);
  const box = new SecretBox('figures-secret-key-0123456789');
  console.log(`database: ${handle.kind}`);

  // The model.
  const rssBefore = mb();
  const provider = useLiteProvider();
  let started = performance.now();
  await provider.embed(['warm up']);
  console.log(
    `model load + first embedding: ${Math.round(performance.now() - started)} ms; RSS ${rssBefore} → ${mb()} MB`,
  );
  const queryTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    started = performance.now();
    await provider.embed([`${QUESTIONS[i % QUESTIONS.length]} (${i})`]);
    queryTimes.push(performance.now() - started);
  }
  console.log(`one question embedded (50): ${summary(queryTimes)}; RSS ${mb()} MB`);

  // Backfill of template-built profiles, through the sentence cache.
  const backfillTenant = await createTenant(db, box, {
    name: 'Figures backfill',
    origins: ['https://f.example'],
  });
  const rows = Array.from({ length: BACKFILL }, (_, i) => ({ ...templateProfile(i), i }));
  for (let at = 0; at < rows.length; at += 1000) {
    await db
      .insertInto('mentors')
      .values(
        rows.slice(at, at + 1000).map((p) => ({
          tenant_id: backfillTenant.id,
          name: `Mentor ${p.i}`,
          headline: p.headline,
          bio: p.bio,
          skills: p.skills,
          years_experience: 5,
          languages: ['en'],
          time_zone: 'UTC',
          formats: ['video'],
          status: 'approved' as const,
        })),
      )
      .execute();
  }
  const embedder = new SentenceEmbedder(provider);
  started = performance.now();
  const result = await backfillEmbeddings(db, embedder, { tenantId: backfillTenant.id });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `backfill: ${result.embedded} template-built profiles in ${seconds.toFixed(1)} s = ${Math.round(result.embedded / seconds)} profiles/s (sentence cache)`,
  );

  // The index at each size: synthetic unit vectors written straight into the table.
  const search = createSemanticSearch(provider, { maxVectors: Math.max(...SIZES) + 1 });
  const queries = await provider.embed(QUESTIONS);
  for (const size of SIZES) {
    const tenant = await createTenant(db, box, { name: `Figures ${size}`, origins: ['https://f.example'] });
    started = performance.now();
    let seed = size;
    const random = () => {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      return seed / 2 ** 32 - 0.5;
    };
    for (let at = 0; at < size; at += 1000) {
      const n = Math.min(1000, size - at);
      const ids = await db
        .insertInto('mentors')
        .values(
          Array.from({ length: n }, (_, i) => ({
            tenant_id: tenant.id,
            name: `Mentor ${at + i}`,
            headline: 'Synthetic',
            bio: '',
            skills: ['x'],
            years_experience: 1,
            languages: ['en'],
            time_zone: 'UTC',
            formats: ['video'],
            status: 'approved' as const,
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('mentor_embeddings')
        .values(
          ids.map(({ id }) => ({
            mentor_id: id,
            tenant_id: tenant.id,
            provider: 'use-lite',
            source_hash: 'synthetic',
            profile: packVectors([normalize(Float32Array.from({ length: 512 }, random))]),
            sentences: [],
            sentence_vectors: packVectors([]),
            version: 1,
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    await sql`insert into mentor_embedding_versions (tenant_id, version) values (${tenant.id}, 1)`.execute(
      db,
    );
    console.log(`${size}: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const rssLoad = mb();
    started = performance.now();
    const index = await search.tenantIndex(db, tenant.id);
    console.log(
      `${size}: index loaded from the database in ${Math.round(performance.now() - started)} ms (${index.size} vectors, RSS ${rssLoad} → ${mb()} MB)`,
    );
    const checks: number[] = [];
    const nearest: number[] = [];
    for (let i = 0; i < 50; i++) {
      started = performance.now();
      const fresh = await search.tenantIndex(db, tenant.id);
      checks.push(performance.now() - started);
      started = performance.now();
      fresh.nearest(queries[i % queries.length]!, 50);
      nearest.push(performance.now() - started);
    }
    console.log(`${size}: version check ${summary(checks)}; nearest(k=50) ${summary(nearest)}`);
  }
  await handle.close();
}

await main();
