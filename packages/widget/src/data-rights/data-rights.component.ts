import type { Erasure, PersonalDataExport } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type {} from '../events/mm-data-rights.js';
import { type DataRightsWords, dataRightsWords } from '../i18n/data-rights.js';
import { confirmStyles } from '../internal/confirm.js';
import { PartElement, partStyles } from '../internal/part-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { dataRightsStyles } from './data-rights.styles.js';
import { exportFileName, saveJsonFile } from './save-json.js';

/** The two calls (the SDK client's `me`: `.api=${client.me}`). */
export interface DataRightsApi {
  export(): Promise<PersonalDataExport>;
  erase(): Promise<Erasure>;
}

/**
 * @tagname mm-data-rights
 * @summary The signed-in user's data rights (My help, the mentor console's Profile tab): download
 * everything the program holds about them as a JSON file, or erase their account after a confirm
 * that says what is erased and what stays. Once erased it says so and makes no more calls.
 *
 * @event mm-account-erased - `detail: { userId }`: the page should sign the user out (their
 * token's `sub` would now sign in as a new, empty user).
 * @csspart button - Every button.
 * @csspart confirm-button - The confirm dialog's "Erase my account for good".
 */
export class MmDataRights extends PartElement<DataRightsApi, DataRightsWords> {
  static override styles = [baseStyles, consoleStyles, confirmStyles, partStyles, dataRightsStyles];

  @state() private notice = '';
  @state() private busy = false;
  @state() private erased = false;

  get t(): DataRightsWords {
    return dataRightsWords(this.locale, this);
  }

  /** Nothing to load: both actions are the user's. */
  refresh(): Promise<void> {
    return Promise.resolve();
  }

  async #download(): Promise<void> {
    this.busy = true;
    this.notice = '';
    await this.act(async (api) => {
      const data = await api.export();
      saveJsonFile(this.renderRoot, exportFileName(data.exportedAt), data);
      this.error = '';
      this.notice = this.t.downloaded;
    });
    this.busy = false;
  }

  #ask(): void {
    const dialog = this.renderRoot.querySelector('dialog')!;
    // A failed erasure left "ok" behind: Escape must not mean yes the next time.
    dialog.returnValue = '';
    dialog.showModal();
  }

  async #confirmed(event: Event): Promise<void> {
    if ((event.target as HTMLDialogElement).returnValue !== 'ok') return;
    this.busy = true;
    await this.act(async (api) => {
      const done = await api.erase();
      this.error = '';
      this.erased = true;
      // No more calls as this user: their token would sign in as someone new.
      this.api = null;
      this.emit('mm-account-erased', { userId: done.userId });
    });
    this.busy = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.done')?.focus();
  }

  override render() {
    const t = this.t;
    if (this.erased) {
      return html`<section aria-labelledby="rights-heading">
        <h3 id="rights-heading">${t.heading}</h3>
        <p class="done ok" role="status" tabindex="-1">${t.done}</p>
      </section>`;
    }
    return html`<section aria-labelledby="rights-heading">
      <h3 id="rights-heading">${t.heading}</h3>
      <p>${t.intro}</p>
      <p class="row">
        <button part="button" type="button" ?disabled=${this.busy || !this.api} @click=${this.#download}>${t.download}</button>
        <button part="button" class="danger" type="button" ?disabled=${this.busy || !this.api} @click=${this.#ask}>${t.erase}</button>
      </p>
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      <dialog class="confirm" aria-labelledby="erase-ask" @close=${this.#confirmed}>
        <form method="dialog">
          <p id="erase-ask"><strong>${t.eraseAsk}</strong></p>
          <h4>${t.erasedHeading}</h4>
          <ul>${t.erased.map((line) => html`<li>${line}</li>`)}</ul>
          <p>${t.kept}</p>
          <button part="button confirm-button" class="danger" value="ok">${t.eraseYes}</button>
          <button part="button" value="keep" autofocus>${t.keep}</button>
        </form>
      </dialog>
      ${nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-data-rights': MmDataRights;
  }
}
