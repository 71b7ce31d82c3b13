import type { OwnMentor } from '@micromentor/sdk';
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type LimitedField, limitedField } from '../internal/counter.js';
import { BIO_MAX, HEADLINE_MAX, isCallBridge, measure, NAME_MAX, overLimit } from '../internal/limits.js';
import type { ProfileFields } from '../internal/mentor-console-api.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

const FORMATS = ['video', 'call', 'chat'] as const;

const list = (raw: FormDataEntryValue | null): string[] =>
  String(raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * @tagname mm-mentor-profile-form
 * @summary A mentor's profile: the application form for a new mentor, the edit form for an
 * existing one; with the mentor's own number or dial-in for call sessions (optional: without
 * one, learners who book a call give theirs).
 *
 * @event mm-mentor-applied - The application was sent. `detail: { mentor }`.
 * @event mm-profile-saved - `detail: { mentor }`.
 *
 * @csspart button - The submit button.
 */
export class MmMentorProfileForm extends ConsoleElement {
  static override styles = [baseStyles, consoleStyles];

  /** The profile to edit; null shows the application form. */
  @property({ attribute: false }) mentor: OwnMentor | null = null;

  /** The name to pre-fill an application with (the signed-in user's). */
  @property({ attribute: false }) defaultName = '';

  @state() private notice = '';
  @state() private busy = false;
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};
  /** The call bridge typed is not a number, tel: or https: link the server takes. */
  @state() private bridgeBad = false;

  #fields(form: HTMLFormElement): ProfileFields {
    const data = new FormData(form);
    return {
      name: String(data.get('name') ?? '').trim(),
      headline: String(data.get('headline') ?? '').trim(),
      bio: String(data.get('bio') ?? '').trim(),
      skills: list(data.get('skills')),
      yearsExperience: Number(data.get('yearsExperience') ?? 0),
      languages: list(data.get('languages')),
      timeZone: String(data.get('timeZone') ?? '').trim(),
      formats: FORMATS.filter((f) => data.getAll('formats').includes(f)),
      callBridge: String(data.get('callBridge') ?? '').trim() || null,
      contactEmail: String(data.get('contactEmail') ?? '').trim() || null,
    };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || overLimit(event.target as HTMLFormElement)) return;
    const fields = this.#fields(event.target as HTMLFormElement);
    this.bridgeBad = !!fields.callBridge && !isCallBridge(fields.callBridge);
    if (this.bridgeBad) {
      this.renderRoot.querySelector<HTMLInputElement>('[name="callBridge"]')?.focus();
      return;
    }
    this.busy = true;
    this.error = '';
    await this.act(async (api) => {
      if (this.mentor) {
        this.mentor = await api.updateProfile(fields);
        this.notice = this.t.profile.saved;
        this.emit('mm-profile-saved', { mentor: this.mentor });
      } else {
        const mentor = await api.apply(fields);
        this.emit('mm-mentor-applied', { mentor });
      }
    });
    this.busy = false;
  }

  override render() {
    const t = this.t.profile;
    const m = this.mentor;
    const zone = m?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    // Limited fields: the server's limit, a counter near it, and nothing cut past it.
    const limited = (field: LimitedField) => limitedField(field, this.lengths, this.t.over, this.locale);
    return html`<form
      @submit=${this.#submit}
      @input=${(e: Event) => {
        this.lengths = measure(this.lengths, e);
      }}
    >
      ${m ? html`<h3>${t.heading}</h3>` : html`<h3>${this.t.apply.heading}</h3><p>${this.t.apply.intro}</p>`}
      <div class="grid">
        <div>
          ${limited({ label: t.name, name: 'name', max: NAME_MAX, required: true, value: m?.name ?? this.defaultName })}
        </div>
        <div>
          ${limited({ label: t.headline, name: 'headline', max: HEADLINE_MAX, value: m?.headline ?? '' })}
        </div>
        <label
          >${t.years}<input type="number" name="yearsExperience" min="0" max="70" .value=${String(m?.yearsExperience ?? 0)}
        /></label>
        <label>${t.timeZone}<input type="text" name="timeZone" required .value=${zone} /></label>
      </div>
      ${limited({ label: t.bio, name: 'bio', max: BIO_MAX, rows: 4, value: m?.bio ?? '' })}
      <label>${t.skills}<input type="text" name="skills" required .value=${(m?.skills ?? []).join(', ')} /></label>
      <label>${t.languages}<input type="text" name="languages" .value=${(m?.languages ?? ['en']).join(', ')} /></label>
      <fieldset>
        <legend>${t.formats}</legend>
        <div class="row">
          ${FORMATS.map(
            (f) => html`<label class="row"
              ><input type="checkbox" name="formats" value=${f} .checked=${m ? m.formats.includes(f) : f !== 'call'} />${
                this.t.formats[f]
              }</label
            >`,
          )}
        </div>
      </fieldset>
      <div>
        <label
          >${t.callBridge}<input
            type="text"
            name="callBridge"
            autocomplete="tel"
            aria-invalid=${this.bridgeBad ? 'true' : 'false'}
            aria-describedby="bridge-hint"
            .value=${m?.callBridge ?? ''}
            @change=${(e: Event) => {
              const value = (e.target as HTMLInputElement).value.trim();
              this.bridgeBad = !!value && !isCallBridge(value);
            }}
        /></label>
        <p id="bridge-hint" class=${this.bridgeBad ? 'error' : 'hint'}>${this.bridgeBad ? t.callBridgeBad : t.callBridgeHint}</p>
      </div>
      <div>
        <label
          >${t.contactEmail}<input
            type="email"
            name="contactEmail"
            autocomplete="email"
            maxlength="320"
            aria-describedby="contact-hint"
            .value=${m?.contactEmail ?? ''}
        /></label>
        <p id="contact-hint" class="hint">${t.contactEmailHint}</p>
      </div>
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      <button part="button" class="primary" ?disabled=${this.busy}>${m ? t.save : this.t.apply.submit}</button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-mentor-profile-form': MmMentorProfileForm;
  }
}
