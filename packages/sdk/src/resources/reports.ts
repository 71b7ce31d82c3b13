import type { Requester, WriteOptions } from '../request.js';
import type { CreateReportParams, Report } from '../types.js';

export interface ReportsResource {
  /**
   * Reports a mentor as the user of the token, optionally about one of their sessions with them.
   * The program reviews it; enough open reports pause the mentor pending review.
   */
  create(params: CreateReportParams, options?: WriteOptions): Promise<Report>;
}

export function reportsResource(client: Requester): ReportsResource {
  return {
    create: (params, options) => client.request('POST', '/v1/reports', { ...options, body: params }),
  };
}
