/**
 * Day one with @micromentor/sdk, from a Node backend:
 *
 *   1. import mentors from a CSV file (create new ones, update known ones, report bad rows),
 *   2. vouch for a learner with a short-lived user token,
 *   3. ask for help as that learner and read the ranked matches,
 *   4. book the best match's first free slot,
 *   5. save the session's calendar file (.ics).
 *
 * Run `pnpm start` at the repository root, then in another terminal:
 *
 *   pnpm --filter @micromentor/example-node-sdk start [path/to/mentors.csv]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AuthenticationError,
  type Booking,
  ConflictError,
  ConnectionError,
  type CreateMentorParams,
  type Mentor,
  Micromentor,
  ValidationError,
} from '@micromentor/sdk';
import { signUserToken } from '@micromentor/sdk/node';
import { describeSlot, list, parseCsv, parseWeekly, progressBar } from './support.js';

const here = dirname(fileURLToPath(import.meta.url));
const API = process.env.MICROMENTOR_API ?? 'http://localhost:8787';
// The local demo tenant's keys (`pnpm start` seeds it). Your own come from
// `pnpm micromentor tenant create`, and stay in your server's environment: the secret key and
// the identity secret must never reach a browser.
const SECRET_KEY = process.env.MICROMENTOR_SECRET_KEY ?? 'sk_demo_LocalOnlySecretKeyNeverInProd';
const IDENTITY_SECRET = process.env.MICROMENTOR_IDENTITY_SECRET ?? 'ids_demo_LocalOnlyIdentitySecret2026';
const csvFile = resolve(process.argv[2] ?? join(here, 'mentors.csv'));
const outDir = resolve(process.env.MICROMENTOR_OUT_DIR ?? join(here, 'out'));

const COLUMNS = [
  'externalId',
  'name',
  'headline',
  'skills',
  'yearsExperience',
  'languages',
  'timeZone',
  'formats',
  'weekly',
] as const;
type Column = (typeof COLUMNS)[number];

interface Rejected {
  line: number;
  name: string;
  reasons: string[];
}

const mm = new Micromentor({ baseUrl: API, secretKey: SECRET_KEY });

/** Relative to where you ran the command, unless that is a long way round. */
const shortPath = (file: string): string => {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
};

/** `body.formats.1` (a server field path) → `formats` (our column). */
const column = (path: string): string => path.replace(/^body\./, '').split('.')[0] ?? path;

async function importMentors(): Promise<void> {
  const [header, ...rows] = parseCsv(await readFile(csvFile, 'utf8'));
  if (!header) throw new Error(`${csvFile} is empty.`);
  const names = header.cells.map((c) => c.trim());
  const missing = COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) throw new Error(`${csvFile} lacks the column(s) ${missing.join(', ')}.`);

  // Mentors imported before, by your id for them: one pass over every page of the list.
  const known = new Map<string, Mentor>();
  for await (const mentor of mm.mentors.list({ limit: 100 })) {
    if (mentor.externalId) known.set(mentor.externalId, mentor);
  }

  const seen = new Map<string, number>();
  const rejected: Rejected[] = [];
  let created = 0;
  let updated = 0;
  const bar = progressBar(rows.length);

  for (const [index, row] of rows.entries()) {
    const cell = (name: Column): string => (row.cells[names.indexOf(name)] ?? '').trim();
    const name = cell('name');
    bar.update(index, name || '(no name)');
    const reject = (reasons: string[]) =>
      rejected.push({ line: row.line, name: name || '(no name)', reasons });

    // What the file itself gets wrong; the server judges the rest (and says why).
    if (row.cells.length !== names.length) {
      reject([`has ${row.cells.length} columns; the header has ${names.length}`]);
      continue;
    }
    const externalId = cell('externalId');
    const reasons: string[] = [];
    if (!externalId) reasons.push('externalId: is empty');
    else if (seen.has(externalId))
      reasons.push(`externalId: ${externalId} is already on line ${seen.get(externalId)}`);
    const years = cell('yearsExperience');
    if (!/^\d+$/.test(years)) reasons.push(`yearsExperience: "${years}" is not a whole number`);
    let weekly: ReturnType<typeof parseWeekly> = [];
    try {
      weekly = parseWeekly(cell('weekly'));
    } catch (error) {
      reasons.push(`weekly: ${(error as Error).message}`);
    }
    if (reasons.length) {
      reject(reasons);
      continue;
    }
    seen.set(externalId, row.line);

    const profile: CreateMentorParams = {
      externalId,
      name,
      headline: cell('headline'),
      skills: list(cell('skills')),
      yearsExperience: Number(years),
      languages: list(cell('languages')),
      timeZone: cell('timeZone'),
      formats: list(cell('formats')) as CreateMentorParams['formats'],
    };
    try {
      const existing = known.get(externalId);
      const { externalId: _, ...changes } = profile;
      const mentor = existing
        ? await mm.mentors.update(existing.id, changes)
        : await mm.mentors.create(profile);
      await mm.mentors.availability.set(mentor.id, {
        timeZone: profile.timeZone,
        weekly,
        sessionLengths: [15, 30],
      });
      if (existing) updated++;
      else created++;
    } catch (error) {
      if (error instanceof ValidationError) {
        reject(
          error.errors.length ? error.errors.map((e) => `${column(e.path)}: ${e.message}`) : [error.message],
        );
      } else if (error instanceof ConflictError) {
        reject([`${error.code}: ${error.message}`]);
      } else {
        throw error;
      }
    }
  }
  bar.update(rows.length, 'done');
  bar.clear();

  console.log(
    `Imported ${shortPath(csvFile)}: ${created} created, ${updated} updated, ${rejected.length} rejected (${rows.length} rows).`,
  );
  if (rejected.length) {
    console.log('\nRejected rows:');
    const width = Math.max(...rejected.map((r) => r.name.length));
    for (const r of rejected) {
      const [first, ...more] = r.reasons;
      console.log(`  line ${String(r.line).padEnd(4)} ${r.name.padEnd(width)}  ${first}`);
      for (const reason of more) console.log(`  ${' '.repeat(9 + width)}  ${reason}`);
    }
  }
}

async function askAndBook(): Promise<void> {
  // Your site has logged Ada in; your backend vouches for her with a token that lives 10 minutes.
  const userToken = signUserToken({
    identitySecret: IDENTITY_SECRET,
    sub: 'learner-ada',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    ttlSeconds: 600,
  });
  const asAda = new Micromentor({ baseUrl: API, secretKey: SECRET_KEY, userToken });
  console.log('\nSigned a user token for Ada Lovelace (learner-ada), valid for 10 minutes.');

  const { request, matches } = await asAda.requests.create({
    title: 'My LEFT JOIN returns duplicate rows',
    details: 'Joining orders to customers, some orders show up twice. What am I missing?',
    skills: ['sql', 'sql-joins'],
    urgency: 'today',
    context: {
      url: 'https://learn.example.com/courses/db-101/joins',
      topic: 'sql-joins',
      courseId: 'db-101',
    },
  });
  console.log(`Asked for help: "${request.title}" → ${matches.length} matches`);
  for (const [i, match] of matches.entries()) {
    const reasons = match.reasons.map((r) => r.text);
    if (match.nextSlots.length === 0) reasons.push('no free slot in the next two weeks');
    console.log(
      `  ${i + 1}. ${match.mentor.name.padEnd(22)} ${match.score.toFixed(2)}  ${reasons.join(' · ')}`,
    );
  }

  // The best match's first free slot; one someone took a moment ago is a ConflictError: next one.
  let booking: Booking | undefined;
  let mentorName = '';
  search: for (const match of matches) {
    const format = match.mentor.formats.includes('video') ? 'video' : match.mentor.formats[0];
    if (!format) continue;
    for (const slot of match.nextSlots) {
      try {
        booking = await asAda.bookings.create({
          mentorId: match.mentor.id,
          requestId: request.id,
          start: slot.start,
          durationMinutes: (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000,
          format,
        });
        mentorName = match.mentor.name;
        break search;
      } catch (error) {
        if (error instanceof ConflictError && error.code === 'slot_unavailable') continue;
        throw error;
      }
    }
  }
  if (!booking) {
    console.log('No match has a free slot in the next two weeks; try again later.');
    return;
  }
  const minutes = (Date.parse(booking.end) - Date.parse(booking.start)) / 60_000;
  const where = booking.joinUrl ? `: ${booking.joinUrl}` : '';
  console.log(
    `Booked ${mentorName}, ${minutes} min ${describeSlot(booking.start)} (${booking.format})${where}`,
  );

  const ics = await asAda.bookings.calendar(booking.id);
  await mkdir(outDir, { recursive: true });
  const icsFile = join(outDir, `booking-${booking.id}.ics`);
  await writeFile(icsFile, ics);
  console.log(`Saved the calendar file: ${shortPath(icsFile)}`);
}

try {
  await importMentors();
  await askAndBook();
} catch (error) {
  if (error instanceof ConnectionError) {
    console.error(`\nCannot reach the API at ${API}: is \`pnpm start\` running? (${error.message})`);
  } else if (error instanceof AuthenticationError) {
    console.error(
      `\nThe API refused the key (${error.code}): set MICROMENTOR_SECRET_KEY, or run \`pnpm start\`.`,
    );
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
