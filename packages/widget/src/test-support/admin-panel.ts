// Mounts one admin-console panel on its own, its calls on a fake API (see fake-api.ts).
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { type AdminApi, adminApi } from '../internal/admin-console-api.js';
import { fakeApi } from './fake-api.js';

/** The panel `template(api)` renders, given the admin calls on a fake API answering `routes`. */
export async function adminPanel<E extends HTMLElement = HTMLElement & { updateComplete: Promise<boolean> }>(
  template: (api: AdminApi) => TemplateResult,
  routes: Parameters<typeof fakeApi>[0],
) {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<E>(template(adminApi(client)));
  return { el, client, calls };
}
