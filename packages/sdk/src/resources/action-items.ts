import { segment } from '../internal/url.js';
import type { Requester, WriteOptions } from '../request.js';
import type { ActionItem } from '../types.js';

export interface ActionItemsResource {
  /** The learner ticks an item off (idempotent: the first time stays). */
  done(id: string, options?: WriteOptions): Promise<ActionItem>;
  /** The learner unticks it. */
  undone(id: string, options?: WriteOptions): Promise<ActionItem>;
}

export function actionItemsResource(client: Requester): ActionItemsResource {
  return {
    done: (id, options) => client.request('POST', `/v1/action-items/${segment(id)}/done`, options),
    undone: (id, options) => client.request('POST', `/v1/action-items/${segment(id)}/undone`, options),
  };
}
