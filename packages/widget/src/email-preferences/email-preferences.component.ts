import type { EmailKind, EmailPreferences, UpdateEmailPreferencesParams } from '@micromentor/sdk';
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type EmailPreferenceWords, emailPreferenceWords } from '../i18n/email-preferences.js';
import { PartElement, partStyles } from '../internal/part-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/** The kinds each side gets: requests come to mentors only, feedback requests to learners only. */
const KINDS: Record<'learner' | 'mentor', EmailKind[]> = {
  learner: ['bookings', 'reminders', 'messages', 'feedback', 'account'],
  mentor: ['bookings', 'reminders', 'requests', 'messages', 'account'],
};

/** The calls the preferences need (the consoles' SDK client has them as `me.*`). */
export interface EmailPreferencesApi {
  emailPreferences(): Promise<EmailPreferences>;
  updateEmailPreferences(params: UpdateEmailPreferencesParams): Promise<EmailPreferences>;
}

/**
 * @tagname mm-email-preferences
 * @summary Which kinds of email the user gets, as a learner (My help) or as a mentor (the mentor
 * console), and the address they go to; each box saves as soon as it changes.
 *
 * @csspart kind - Each kind's checkbox row.
 */
export class MmEmailPreferences extends PartElement<EmailPreferencesApi, EmailPreferenceWords> {
  static override styles = [
    baseStyles,
    consoleStyles,
    partStyles,
    css`
      label.kind {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: var(--_s2);
        align-items: start;
        margin-block: var(--_s1);
      }
    `,
  ];

  /** Whose preferences: `learner` (default) or `mentor`. */
  @property({ reflect: true }) as: 'learner' | 'mentor' = 'learner';

  @state() private prefs: EmailPreferences | null = null;
  @state() private notice = '';
  protected override loading = true;

  get t(): EmailPreferenceWords {
    return emailPreferenceWords(this.locale, this);
  }

  refresh(): Promise<void> {
    this.loading = true;
    return this.load(async (api) => {
      this.prefs = await api.emailPreferences();
    });
  }

  async #toggle(kind: EmailKind, on: boolean): Promise<void> {
    this.notice = '';
    await this.act(async (api) => {
      this.prefs = await api.updateEmailPreferences({ as: this.as, kinds: { [kind]: on } });
      this.notice = this.t.saved;
    });
  }

  override render() {
    const t = this.t;
    const mine = this.prefs?.[this.as];
    return html`<section aria-labelledby="email-heading">
      <h3 id="email-heading">${t.heading}</h3>
      ${
        this.loading
          ? html`<p role="status">${t.loading}</p>`
          : mine
            ? html`<p>${mine.address ? t.to(mine.address) : t.noAddress}</p>
                <div role="group" aria-labelledby="email-heading">
                  ${KINDS[this.as].map(
                    (kind) => html`<label class="kind" part="kind"
                      ><input
                        type="checkbox"
                        name=${kind}
                        .checked=${mine.kinds[kind]}
                        ?disabled=${!mine.address}
                        @change=${(e: Event) => this.#toggle(kind, (e.target as HTMLInputElement).checked)}
                      /><span>${kind === 'account' && this.as === 'mentor' ? t.application : t.kinds[kind]}</span></label
                    >`,
                  )}
                </div>
                <p class="hint">${t.hint}</p>`
            : nothing
      }
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-email-preferences': MmEmailPreferences;
  }
}
