import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  AdminMentor,
  AdminReport,
  Analytics,
  AnalyticsParams,
  ApiKey,
  ExportDataset,
  ExportParams,
  ListAdminMentorsParams,
  ListReportsParams,
  ProgramSettings,
  ResolvedReport,
  ResolveReportParams,
  RotatedKey,
  RotateKeyParams,
  StatusReasonParams,
  UpdateProgramSettingsParams,
} from '../types.js';
import { listOf } from './list.js';

/** Vetting: each change is allowed from some statuses only (409 `invalid_transition` otherwise). */
export interface AdminMentorsResource {
  /**
   * Mentors in one status (`any`: every status), oldest first; the applications queue (`pending`)
   * by default. `q` searches names, headlines and skills; `skill` keeps one skill.
   */
  list(params?: ListAdminMentorsParams, options?: CallOptions): PageList<AdminMentor>;
  /** `pending` (or `rejected`) → `approved`. */
  approve(id: string, options?: WriteOptions): Promise<AdminMentor>;
  /** `pending` → `rejected`; the applicant sees the reason. */
  reject(id: string, params: StatusReasonParams, options?: WriteOptions): Promise<AdminMentor>;
  /** `approved` → `paused`. */
  pause(id: string, params: StatusReasonParams, options?: WriteOptions): Promise<AdminMentor>;
  /** `approved`/`paused` → `suspended`. */
  suspend(id: string, params: StatusReasonParams, options?: WriteOptions): Promise<AdminMentor>;
  /** `paused`/`suspended` → `approved`. */
  reinstate(id: string, options?: WriteOptions): Promise<AdminMentor>;
}

export interface AdminReportsResource {
  /** Open reports by default, oldest first, each with the mentor's name; filter by `mentorId` or `reason`. */
  list(params?: ListReportsParams, options?: CallOptions): PageList<AdminReport>;
  /** Dismiss, or pause/suspend the mentor as well. */
  resolve(id: string, params: ResolveReportParams, options?: WriteOptions): Promise<ResolvedReport>;
}

export interface AdminSettingsResource {
  get(options?: CallOptions): Promise<ProgramSettings>;
  /** Only the fields given change; `branding` merges field by field. */
  update(params: UpdateProgramSettingsParams, options?: WriteOptions): Promise<ProgramSettings>;
}

export interface AdminKeysResource {
  /** Prefixes and dates only; keys are never readable again. */
  list(options?: CallOptions): Promise<{ data: ApiKey[] }>;
  /**
   * A new key, shown once here; the old ones keep working for `overlapHours` (default 24). With
   * the secret key only (a browser's admin token gets 403 `secret_key_required`): call it from
   * your server, or run `micromentor keys rotate` there.
   */
  rotate(params: RotateKeyParams, options?: WriteOptions): Promise<RotatedKey>;
}

export interface AdminExportsResource {
  /**
   * Where the file lives. It needs the client's auth headers (keys never go in URLs), so fetch it
   * with `csv()` or your own authenticated request.
   */
  url(dataset: ExportDataset, params: ExportParams): string;
  /** The whole CSV file (RFC 4180, CRLF line ends, a header row). */
  csv(dataset: ExportDataset, params: ExportParams, options?: CallOptions): Promise<string>;
}

/** The program's own routes (`/v1/admin/…`): the secret key, or a user token with role `admin`. */
export interface AdminResource {
  readonly mentors: AdminMentorsResource;
  readonly reports: AdminReportsResource;
  readonly settings: AdminSettingsResource;
  readonly keys: AdminKeysResource;
  readonly exports: AdminExportsResource;
  /** Requests, match rate, first response, sessions, satisfaction, skills and mentor load, per day or week. */
  analytics(params: AnalyticsParams, options?: CallOptions): Promise<Analytics>;
}

const iso = (d: string | Date): string => (d instanceof Date ? d.toISOString() : d);
const mentorPath = (id: string, action: string) => `/v1/admin/mentors/${segment(id)}/${action}`;
const exportPath = (dataset: ExportDataset) => `/v1/admin/exports/${segment(dataset)}`;

export function adminResource(client: Requester): AdminResource {
  const exportQuery = (p: ExportParams) => ({ from: iso(p.from), to: iso(p.to) });
  return {
    mentors: {
      list: (params, options) => listOf(client, '/v1/admin/mentors', params, options),
      approve: (id, options) => client.request('POST', mentorPath(id, 'approve'), options),
      reject: (id, params, options) =>
        client.request('POST', mentorPath(id, 'reject'), { ...options, body: params }),
      pause: (id, params, options) =>
        client.request('POST', mentorPath(id, 'pause'), { ...options, body: params }),
      suspend: (id, params, options) =>
        client.request('POST', mentorPath(id, 'suspend'), { ...options, body: params }),
      reinstate: (id, options) => client.request('POST', mentorPath(id, 'reinstate'), options),
    },
    reports: {
      list: (params, options) => listOf(client, '/v1/admin/reports', params, options),
      resolve: (id, params, options) =>
        client.request('POST', `/v1/admin/reports/${segment(id)}/resolve`, { ...options, body: params }),
    },
    settings: {
      get: (options) => client.request('GET', '/v1/admin/settings', options),
      update: (params, options) =>
        client.request('PATCH', '/v1/admin/settings', { ...options, body: params }),
    },
    keys: {
      list: (options) => client.request('GET', '/v1/admin/keys', options),
      rotate: (params, options) =>
        client.request('POST', '/v1/admin/keys/rotate', { ...options, body: params }),
    },
    exports: {
      url: (dataset, params) => {
        const q = exportQuery(params);
        return client.url(
          `${exportPath(dataset)}?from=${encodeURIComponent(q.from)}&to=${encodeURIComponent(q.to)}`,
        );
      },
      csv: (dataset, params, options) =>
        client.request('GET', exportPath(dataset), {
          ...options,
          query: exportQuery(params),
          responseType: 'text',
        }),
    },
    analytics: (params, options) =>
      client.request('GET', '/v1/admin/analytics', {
        ...options,
        query: { ...params, from: iso(params.from), to: iso(params.to) },
      }),
  };
}
