import type {
  AdminUser,
  AdminUserList,
  Erasure,
  FindUsersParams,
  PersonalDataExport,
} from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type {} from '../events/mm-data-rights.js';
import { type DataRightsWords, dataRightsWords } from '../i18n/data-rights.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { PartElement, partStyles } from '../internal/part-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { dataRightsStyles } from './data-rights.styles.js';
import { exportFileName, saveJsonFile } from './save-json.js';

/** The admin's calls (the admin SDK client's `admin.users`: `.api=${client.admin.users}`). */
export interface UserDataApi {
  find(params: FindUsersParams): Promise<AdminUserList>;
  export(userId: string): Promise<PersonalDataExport>;
  erase(userId: string): Promise<Erasure>;
}

/**
 * @tagname mm-user-data
 * @summary The admin console's data rights (in its Settings tab): find a user by name, email or
 * user id, download their data as a JSON file or erase their account on their behalf, after a
 * confirm that says what goes.
 *
 * @event mm-user-erased - `detail: { userId }`.
 * @csspart button - Every button.
 * @csspart confirm-button - The confirm dialog's "Erase this user".
 */
export class MmUserData extends PartElement<UserDataApi, DataRightsWords> {
  static override styles = [baseStyles, consoleStyles, confirmStyles, partStyles, dataRightsStyles];

  @state() private found: AdminUser[] | null = null;
  @state() private notice = '';
  @state() private erasing: AdminUser | null = null;
  #query = '';

  get t(): DataRightsWords {
    return dataRightsWords(this.locale, this);
  }

  /** The last search again (after an erasure, or a failure's "Try again"). */
  refresh(): Promise<void> {
    const q = this.#query;
    if (!q) return Promise.resolve();
    return this.load(async (api) => {
      this.found = (await api.find({ q })).data;
    });
  }

  #search(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.#query = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    this.notice = '';
    return this.refresh();
  }

  async #download(user: AdminUser): Promise<void> {
    this.notice = '';
    await this.act(async (api) => {
      const data = await api.export(user.id);
      saveJsonFile(this.renderRoot, exportFileName(data.exportedAt, user.id), data);
      this.error = '';
    });
  }

  async #ask(user: AdminUser): Promise<void> {
    this.erasing = user;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  async #confirmed(ok: boolean): Promise<void> {
    const user = this.erasing;
    this.erasing = null;
    if (!ok || !user) return;
    await this.act(async (api) => {
      await api.erase(user.id);
      this.error = '';
      this.notice = this.t.adminDone(user.name);
      this.emit('mm-user-erased', { userId: user.id });
      await this.refresh();
    });
  }

  override render() {
    const t = this.t;
    return html`<section aria-labelledby="user-data-heading">
      <h3 id="user-data-heading">${t.adminHeading}</h3>
      <p>${t.adminIntro}</p>
      <form class="row" role="search" @submit=${this.#search}>
        <label>${t.find}<input name="q" required minlength="2" maxlength="100" autocomplete="off" /></label>
        <button part="button" class="primary">${t.search}</button>
      </form>
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      ${this.found?.length === 0 ? html`<p>${t.none}</p>` : nothing}
      <ul class="cards">
        ${(this.found ?? []).map(
          (u) => html`<li class="card">
            <strong>${u.name}</strong>
            <span class="meta">${u.email ?? ''} · ${u.externalId}${u.erasedAt ? ` · ${t.erasedUser}` : ''}</span>
            ${
              u.erasedAt
                ? nothing
                : html`<p class="row">
                    <button part="button" type="button" @click=${() => this.#download(u)}>${t.exportFor(u.name)}</button>
                    <button part="button" class="danger" type="button" @click=${() => this.#ask(u)}>${t.eraseFor(u.name)}</button>
                  </p>`
            }
          </li>`,
        )}
      </ul>
      ${
        this.erasing
          ? confirmDialog(t.adminAsk(this.erasing.name), t.adminYes, t.adminKeep, (ok) => this.#confirmed(ok))
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-user-data': MmUserData;
  }
}
