import type { ProgramSettings, UpdateSettingsInput } from '../../schemas/admin.js';
import type { DomainCtx } from '../context.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { ensureRetentionJob } from '../privacy/retention-job.js';
import { normalizeOrigin } from './create-tenant.js';
import { readSettings, type TenantSettings, TenantSettingsSchema } from './settings.js';

function view(settings: TenantSettings, allowedOrigins: string[]): ProgramSettings {
  return { ...settings, allowedOrigins };
}

export async function getProgramSettings(ctx: DomainCtx, tenantId: string): Promise<ProgramSettings> {
  const row = await ctx.db
    .selectFrom('tenants')
    .select(['settings', 'allowed_origins'])
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Tenant');
  return view(readSettings(row.settings), row.allowed_origins);
}

/** Merges a validated partial update into the stored settings (under a row lock) and saves them. */
export async function updateProgramSettings(
  ctx: DomainCtx,
  tenantId: string,
  input: UpdateSettingsInput,
): Promise<ProgramSettings> {
  const row = await ctx.db
    .selectFrom('tenants')
    .select(['settings', 'allowed_origins'])
    .where('id', '=', tenantId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Tenant');
  const current = readSettings(row.settings);
  const { allowedOrigins, branding, ...rest } = input;
  const merged = TenantSettingsSchema.safeParse({
    ...current,
    ...rest,
    branding: { ...current.branding, ...branding },
  });
  if (!merged.success) {
    throw new InvalidInputError(
      'These settings are not valid together.',
      merged.error.issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    );
  }
  let origins = row.allowed_origins;
  if (allowedOrigins) {
    origins = [];
    for (const [i, raw] of allowedOrigins.entries()) {
      try {
        origins.push(normalizeOrigin(raw));
      } catch (error) {
        if (error instanceof InvalidInputError) {
          throw new InvalidInputError(error.message, [
            { path: `body.allowedOrigins.${i}`, message: 'must be scheme://host[:port] with no path' },
          ]);
        }
        throw error;
      }
    }
    origins = [...new Set(origins)];
  }
  await ctx.db
    .updateTable('tenants')
    .set({ settings: JSON.stringify(merged.data), allowed_origins: origins, updated_at: ctx.clock.now() })
    .where('id', '=', tenantId)
    .execute();
  // A retention period starts its daily sweep now (the job reads the period when it runs).
  if (merged.data.retentionMonths !== null) await ensureRetentionJob(ctx.db, tenantId, ctx.clock.now());
  return view(merged.data, origins);
}
