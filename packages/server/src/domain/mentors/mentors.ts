import type { MentorStatus, MentorUpdate } from '../../db/database.js';
import { removeMentorEmbeddings } from '../../db/mentor-embeddings.js';
import {
  findMentor,
  findMentorByExternalId,
  insertMentor,
  listMentors,
  type MentorCursor,
  softDeleteMentor,
  updateMentor,
} from '../../db/mentors.js';
import type {
  ApplyMentorInput,
  CreateMentorInput,
  Mentor,
  UpdateMentorInput,
} from '../../schemas/mentors.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { enqueueMentorEmbedding } from '../matching/semantic/embed-job.js';
import { pageOf } from '../page.js';
import { enqueueWaitingRematch } from '../requests/waiting-jobs.js';
import { normalizeSkills } from '../skills/normalize.js';
import { cleanSkills, toMentor, uniqueLanguages } from './mentor-profile.js';

/** Who is looking: decides which mentors are visible and what may be changed. */
export interface Viewer {
  tenantId: string;
  /** Secret key or admin role: sees every status and may change status. */
  privileged: boolean;
  /** The caller's host user id, if acting for a user. */
  externalId: string | null;
}

function visible(viewer: Viewer, mentor: { status: MentorStatus; external_id: string | null }): boolean {
  return viewer.privileged || mentor.status === 'approved' || mentor.external_id === viewer.externalId;
}

export async function getMentor(ctx: DomainCtx, viewer: Viewer, id: string): Promise<Mentor> {
  const row = await findMentor(ctx.db, viewer.tenantId, id);
  if (!row || !visible(viewer, row)) throw new NotFoundError('Mentor');
  return toMentor(row);
}

export async function createMentor(
  ctx: DomainCtx,
  tenantId: string,
  input: CreateMentorInput,
): Promise<Mentor> {
  const now = ctx.clock.now();
  if (input.externalId && (await findMentorByExternalId(ctx.db, tenantId, input.externalId))) {
    throw new ConflictError(
      'mentor_exists',
      `A mentor with externalId "${input.externalId}" already exists.`,
    );
  }
  const row = await insertMentor(ctx.db, {
    tenant_id: tenantId,
    external_id: input.externalId ?? null,
    name: input.name,
    headline: input.headline,
    bio: input.bio,
    skills: cleanSkills(input.skills),
    years_experience: input.yearsExperience,
    languages: uniqueLanguages(input.languages),
    time_zone: input.timeZone,
    formats: input.formats,
    status: input.status,
    call_bridge: input.callBridge ?? null,
    contact_email: input.contactEmail ?? null,
    approved_at: input.status === 'approved' ? now : null,
    created_at: now,
    updated_at: now,
  });
  await enqueueMentorEmbedding(ctx.db, { tenantId, mentorId: row.id }, now);
  // A new approved mentor may fit requests that wait for a match.
  if (row.status === 'approved') await enqueueWaitingRematch(ctx.db, tenantId, now);
  return toMentor(row);
}

/**
 * A user applies to mentor: the only way a user makes themselves one (everything a mentor does
 * needs the profile this creates). Guests are learners only: each guest session is a new
 * identity, so letting them apply would let anyone fill the vetting queue.
 */
export async function applyAsMentor(
  ctx: DomainCtx,
  tenantId: string,
  user: { externalId: string; name: string; isGuest: boolean },
  input: ApplyMentorInput,
): Promise<Mentor> {
  if (user.isGuest) {
    throw new ForbiddenError(
      'guest_not_allowed',
      'Guests can ask for help but not mentor; sign in on the host site to apply.',
    );
  }
  const existing = await findMentorByExternalId(ctx.db, tenantId, user.externalId);
  if (existing) {
    throw new ConflictError(
      'already_applied',
      `You already have a mentor profile (status ${existing.status}); edit it instead.`,
    );
  }
  const mentor = await createMentor(ctx, tenantId, {
    ...input,
    name: input.name ?? user.name,
    externalId: user.externalId,
    status: 'pending',
  });
  await recordEvent(ctx.db, {
    tenantId,
    type: 'mentor.applied',
    data: { mentorId: mentor.id, externalId: user.externalId, name: mentor.name },
    at: ctx.clock.now(),
  });
  return mentor;
}

export async function updateMentorProfile(
  ctx: DomainCtx,
  viewer: Viewer,
  id: string,
  input: UpdateMentorInput,
): Promise<Mentor> {
  const row = await findMentor(ctx.db, viewer.tenantId, id);
  if (!row || !visible(viewer, row)) throw new NotFoundError('Mentor');
  const isSelf = row.external_id !== null && row.external_id === viewer.externalId;
  if (!viewer.privileged && !isSelf) {
    throw new ForbiddenError('forbidden', 'You can only edit your own mentor profile.');
  }
  if (!viewer.privileged) {
    const locked = (['status', 'externalId'] as const).filter((field) => input[field] !== undefined);
    if (locked.length) {
      throw new InvalidInputError(
        `Only the program (secret key) can change ${locked.join(' and ')}.`,
        locked.map((field) => ({
          path: `body.${field}`,
          message: 'may only be changed with the secret key',
        })),
      );
    }
  }
  if (input.externalId && input.externalId !== row.external_id) {
    if (await findMentorByExternalId(ctx.db, viewer.tenantId, input.externalId)) {
      throw new ConflictError(
        'mentor_exists',
        `A mentor with externalId "${input.externalId}" already exists.`,
      );
    }
  }
  const now = ctx.clock.now();
  const changes: MentorUpdate = { updated_at: now };
  if (input.name !== undefined) changes.name = input.name;
  if (input.headline !== undefined) changes.headline = input.headline;
  if (input.bio !== undefined) changes.bio = input.bio;
  if (input.skills !== undefined) changes.skills = cleanSkills(input.skills);
  if (input.yearsExperience !== undefined) changes.years_experience = input.yearsExperience;
  if (input.languages !== undefined) changes.languages = uniqueLanguages(input.languages);
  if (input.timeZone !== undefined) changes.time_zone = input.timeZone;
  if (input.formats !== undefined) changes.formats = input.formats;
  if (input.status !== undefined) {
    changes.status = input.status;
    if (input.status === 'approved' && row.status !== 'approved' && row.approved_at === null) {
      changes.approved_at = changes.updated_at;
    }
  }
  if (input.externalId !== undefined) changes.external_id = input.externalId;
  if (input.callBridge !== undefined) changes.call_bridge = input.callBridge;
  if (input.contactEmail !== undefined) changes.contact_email = input.contactEmail;
  const updated = await updateMentor(ctx.db, viewer.tenantId, id, changes);
  if (!updated) throw new NotFoundError('Mentor');
  // What matching by meaning reads changed, or the mentor just became matchable.
  const textChanged =
    updated.headline !== row.headline ||
    updated.bio !== row.bio ||
    updated.skills.join('\n') !== row.skills.join('\n');
  if (textChanged || (updated.status === 'approved' && row.status !== 'approved')) {
    await enqueueMentorEmbedding(ctx.db, { tenantId: viewer.tenantId, mentorId: id }, now);
  }
  // An approved mentor's new profile may fit requests that wait for a match.
  if (updated.status === 'approved') await enqueueWaitingRematch(ctx.db, viewer.tenantId, now);
  return toMentor(updated);
}

export async function deleteMentor(ctx: DomainCtx, tenantId: string, id: string): Promise<void> {
  if (!(await softDeleteMentor(ctx.db, tenantId, id, ctx.clock.now()))) throw new NotFoundError('Mentor');
  // A deleted profile's sentences are not kept for matching.
  await removeMentorEmbeddings(ctx.db, tenantId, [id]);
}

export interface MentorSearch {
  q?: string | undefined;
  skills?: string[] | undefined;
  language?: string | undefined;
  format?: string | undefined;
  status?: MentorStatus | undefined;
  limit: number;
  cursor?: MentorCursor | undefined;
}

export async function searchMentors(
  ctx: DomainCtx,
  viewer: Viewer,
  search: MentorSearch,
): Promise<{ data: Mentor[]; next: MentorCursor | null }> {
  if (search.status && !viewer.privileged && search.status !== 'approved') {
    throw new InvalidInputError('Only the program (secret key) can list mentors by status.', [
      { path: 'query.status', message: 'may only be used with the secret key' },
    ]);
  }
  const statuses: MentorStatus[] | null = search.status
    ? [search.status]
    : viewer.privileged
      ? null
      : ['approved'];
  const q = search.q?.trim() || undefined;
  if (search.cursor && (search.cursor.k === 'rank') !== Boolean(q)) {
    throw new InvalidInputError(
      'This cursor belongs to a different search; start again without it.',
      [{ path: 'query.cursor', message: 'issued for another query' }],
      'invalid_cursor',
    );
  }
  const rows = await listMentors(ctx.db, {
    tenantId: viewer.tenantId,
    statuses,
    q,
    skills: search.skills ? normalizeSkills(search.skills) : undefined,
    language: search.language,
    format: search.format,
    limit: search.limit,
    cursor: search.cursor,
  });
  return pageOf(
    rows,
    search.limit,
    toMentor,
    (last): MentorCursor =>
      q ? { k: 'rank', rank: String(last.rank), id: last.id } : { k: 'name', name: last.name, id: last.id },
  );
}
