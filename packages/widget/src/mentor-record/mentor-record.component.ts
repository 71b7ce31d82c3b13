import type { MentorRecord } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { consoleLocale } from '../i18n/mentor-console.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { mentorRecordStyles } from './mentor-record.styles.js';

/**
 * The credential's public verification page: its `id`, when that is an http(s) URL (a compact
 * JWS's payload is base64url JSON). Anything else (or a file that is not a JWS): none.
 */
export function credentialPageUrl(jws: string): string | null {
  try {
    const part = jws.split('.')[1] ?? '';
    const binary = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    const id = typeof payload?.id === 'string' ? new URL(payload.id) : null;
    return id && (id.protocol === 'https:' || id.protocol === 'http:') ? id.href : null;
  } catch {
    return null;
  }
}

/**
 * @tagname mm-mentor-record
 * @summary The signed-in mentor's badges, and their record (sessions, minutes, badges) to
 * download as a signed Open Badges 3.0 credential (`mentoring-record.jwt`, a VC-JWT), then a link
 * to the credential's public verification page to share.
 *
 * @event mm-record-downloaded - The credential was saved. `detail: { credential }` (the JWS).
 * @event mm-error - Loading or downloading failed. `detail: { step: 'record', code, message, error }`.
 *
 * @csspart button - The download button.
 * @csspart share - The link to the credential's public verification page (after a download).
 */
export class MmMentorRecord extends ConsoleElement {
  static override styles = [baseStyles, consoleStyles, mentorRecordStyles];

  @state() private record: MentorRecord | null = null;
  @state() private notice = '';
  @state() private busy = false;
  @state() private shareUrl: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  /** Reloads the record (the console calls it when a session completes or feedback arrives). */
  refresh(): Promise<void> {
    return this.load(async (api) => {
      try {
        this.record = await api.record();
      } catch (error) {
        // Said to the page as an `mm-error`; load() shows it with "Try again".
        this.fail('record', error);
        throw error;
      }
    });
  }

  async #download(): Promise<void> {
    if (!this.api || this.busy) return;
    this.busy = true;
    this.notice = '';
    try {
      const credential = await this.api.credential();
      const url = URL.createObjectURL(new Blob([credential], { type: 'application/vc+jwt' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'mentoring-record.jwt';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 0);
      this.notice = this.t.record.downloaded;
      this.shareUrl = credentialPageUrl(credential);
      this.error = '';
      this.emit('mm-record-downloaded', { credential });
    } catch (error) {
      this.fail('record', error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.t.record;
    const date = new Intl.DateTimeFormat(consoleLocale(this.locale, this), { dateStyle: 'medium' });
    const badges = this.record?.badges ?? [];
    return html`<section aria-labelledby="record-title">
      <h3 id="record-title">${t.heading}</h3>
      ${
        this.record
          ? badges.length
            ? html`<ul class="badges">
                ${badges.map(
                  (b) => html`<li data-code=${b.code}>
                    ${t.badges[b.code] ?? b.code}<span class="meta">${t.earned(date.format(new Date(b.earnedAt)))}</span>
                  </li>`,
                )}
              </ul>`
            : html`<p class="meta">${t.empty}</p>`
          : nothing
      }
      <button part="button" type="button" ?disabled=${this.busy || !this.api} @click=${this.#download}>
        ${t.download}
      </button>
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      ${
        this.shareUrl
          ? html`<p><a part="share" href=${this.shareUrl} target="_blank" rel="noopener">${t.share}</a></p>`
          : nothing
      }
      ${this.alert()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-record': MmMentorRecord;
  }
}
