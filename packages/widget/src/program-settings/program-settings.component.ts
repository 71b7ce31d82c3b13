import {
  type ApiKey,
  MicromentorError,
  type ProgramSettings,
  type UpdateProgramSettingsParams,
} from '@micromentor/sdk';
import { css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminElement } from '../internal/admin-console-element.js';
import { limitedField } from '../internal/counter.js';
import { BRAND_NAME_MAX, measure, overLimit } from '../internal/limits.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

const FORMATS = ['video', 'call', 'chat'] as const;
/** The whole-number settings: a value the server refuses gets its message under the field. */
const NUMBER_SETTINGS = [
  'requestSlaHours',
  'instantHelpWindowMinutes',
  'reportsToPause',
  'emailDigestMinutes',
  'mentorReplyWindowHours',
  'maxHandovers',
  'maxReschedules',
] as const;
type NumberSetting = (typeof NUMBER_SETTINGS)[number];

/**
 * @tagname mm-program-settings
 * @summary Program settings (session lengths, formats, guests, SLA, instant-help window,
 * meeting link, allowed origins, branding, leaderboard, reports threshold, retention period, semantic
 * matching, a mentor's reply window, hand-overs and reschedules allowed; the server's message for a
 * value it refuses under that field), and the API keys
 * (kind, prefix, until when) with how to rotate them on the server: the CLI, or the SDK with the
 * secret key. The console never rotates one: a new secret key or identity secret is full access
 * to the program, and must never reach a browser (the API refuses an admin's token).
 *
 * @event mm-settings-saved - `detail: { settings }`.
 * @csspart button - Every button.
 */
export class MmProgramSettings extends AdminElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    css`.keys{margin-top:2rem}label .error{display:block;font-weight:400}`,
  ];

  @state() private settings: ProgramSettings | null = null;
  @state() private keys: ApiKey[] = [];
  @state() private notice = '';
  /** Limited fields' lengths as typed or pasted, for their counters. */
  @state() private lengths: Record<string, number> = {};
  /** The server's message for each field it refused (by the form field's name). */
  @state() private invalid: Record<string, string> = {};

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      const [settings, keys] = await Promise.all([api.settings(), api.keys()]);
      this.settings = settings;
      this.keys = keys.data;
    });
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || overLimit(event.target as HTMLFormElement)) return;
    const data = new FormData(event.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const patch: UpdateProgramSettingsParams = {
      sessionLengths: text('sessionLengths')
        .split(',')
        .map((s) => Number(s.trim()))
        .filter((n) => Number.isFinite(n) && n > 0),
      formats: FORMATS.filter((f) => data.getAll('formats').includes(f)),
      allowGuests: data.get('allowGuests') === 'on',
      requestSlaHours: Number(text('requestSlaHours')),
      instantHelpWindowMinutes: Number(text('instantHelpWindowMinutes')),
      meetingLinkTemplate: text('meetingLinkTemplate'),
      allowedOrigins: text('allowedOrigins')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      // Empty clears the field (null); the server wants a #rrggbb colour or nothing.
      branding: { name: text('brandName') || null, accentColor: text('brandAccent') || null },
      leaderboard: data.get('leaderboard') === 'on',
      reportsToPause: Number(text('reportsToPause')),
      // Minutes before each session, e.g. "1440, 10" (the day before, and just before).
      reminderMinutesBefore: text('reminderMinutesBefore')
        .split(',')
        .map((m) => Number(m.trim()))
        .filter((m) => Number.isFinite(m) && m > 0),
      emailDigestMinutes: Number(text('emailDigestMinutes')),
      // Empty keeps texts for as long as the program runs (null).
      retentionMonths: text('retentionMonths') ? Number(text('retentionMonths')) : null,
      semanticMatching: data.get('semanticMatching') === 'on',
      mentorReplyWindowHours: Number(text('mentorReplyWindowHours')),
      maxHandovers: Number(text('maxHandovers')),
      maxReschedules: Number(text('maxReschedules')),
    };
    try {
      this.settings = await this.api.saveSettings(patch);
      this.error = '';
      this.invalid = {};
      this.notice = this.t.settings.saved;
      this.emit('mm-settings-saved', { settings: this.settings });
    } catch (error) {
      this.notice = '';
      const { placed, all } = this.#fieldErrors(error);
      this.invalid = placed;
      // Every refused value has its message under its field: say so; else the server's own words.
      this.error = all ? this.t.settings.invalid : this.describe(error);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    }
  }

  /**
   * The server's field errors on whole-number settings (`body.maxReschedules`: "Too big: …"), by
   * field; `all`: there were some, and none about another field.
   */
  #fieldErrors(error: unknown): { placed: Record<string, string>; all: boolean } {
    const placed: Record<string, string> = {};
    const fields = error instanceof MicromentorError ? (error.problem?.errors ?? []) : [];
    let all = fields.length > 0;
    for (const { path, message } of fields) {
      const name = NUMBER_SETTINGS.find((n) => path === `body.${n}`);
      if (name) placed[name] ??= message;
      else all = false;
    }
    return { placed, all };
  }

  override render() {
    const t = this.t.settings;
    const s = this.settings;
    if (!s) {
      return this.error ? this.alert() : html`<p role="status">${this.t.loading}</p>`;
    }
    /** A whole-number setting, from `min` (1 unless said) to `max`, with the server's message when it refused it. */
    const number = (label: string, name: NumberSetting, max: number, min = 1) => {
      const message = this.invalid[name];
      return html`<label
        >${label}<input
          type="number"
          name=${name}
          min=${min}
          max=${max}
          aria-invalid=${message ? 'true' : 'false'}
          aria-describedby=${message ? `${name}-error` : nothing}
          .value=${String(s[name])}
        />${message ? html`<span class="error" id="${name}-error">${message}</span>` : nothing}</label
      >`;
    };
    return html`<form
        novalidate
        @submit=${this.#save}
        @input=${(e: Event) => {
          this.lengths = measure(this.lengths, e);
        }}
      >
        <h3>${t.heading}</h3>
        <div class="grid">
          <label
            >${t.sessionLengths}<input type="text" name="sessionLengths" .value=${s.sessionLengths.join(', ')}
          /></label>
          ${number(t.sla, 'requestSlaHours', 720)}
          ${number(t.instantWindow, 'instantHelpWindowMinutes', 120)}
          ${number(t.reportsToPause, 'reportsToPause', 100)}
          <label
            >${t.reminders}<input type="text" name="reminderMinutesBefore" .value=${s.reminderMinutesBefore.join(', ')}
          /></label>
          ${number(t.digest, 'emailDigestMinutes', 1440)}
          ${number(t.replyWindow, 'mentorReplyWindowHours', 168)}
          ${number(t.maxHandovers, 'maxHandovers', 10, 0)}
          ${number(t.maxReschedules, 'maxReschedules', 20, 0)}
          <label
            >${t.retention}<input type="number" name="retentionMonths" min="1" max="120" .value=${s.retentionMonths === null ? '' : String(s.retentionMonths)}
          /></label>
          <div class="field">
            ${limitedField(
              { label: t.brandName, name: 'brandName', max: BRAND_NAME_MAX, value: s.branding.name ?? '' },
              this.lengths,
              this.t.over,
              this.locale,
            )}
          </div>
          <label
            >${t.brandAccent}<input type="text" name="brandAccent" maxlength="20" .value=${s.branding.accentColor ?? ''}
          /></label>
        </div>
        <label
          >${t.meetingLink}<input type="text" name="meetingLinkTemplate" .value=${s.meetingLinkTemplate}
        /></label>
        <label
          >${t.origins}<textarea name="allowedOrigins" rows="3" .value=${s.allowedOrigins.join('\n')}></textarea>
        </label>
        <fieldset>
          <legend>${t.formats}</legend>
          <div class="row">
            ${FORMATS.map(
              (f) => html`<label class="row"
                ><input type="checkbox" name="formats" value=${f} .checked=${s.formats.includes(f)} />${f}</label
              >`,
            )}
          </div>
        </fieldset>
        <label class="row"><input type="checkbox" name="allowGuests" .checked=${s.allowGuests} />${t.allowGuests}</label>
        <label class="row"><input type="checkbox" name="leaderboard" .checked=${s.leaderboard} />${t.leaderboard}</label>
        <label class="row"
          ><input type="checkbox" name="semanticMatching" .checked=${s.semanticMatching} />${t.semanticMatching}</label
        >
        <p role="status" class="ok">${this.notice}</p>
        ${this.alert()}
        <button part="button" class="primary">${t.save}</button>
      </form>
      <section aria-labelledby="keys-heading" class="keys">
        <h3 id="keys-heading">${t.keys}</h3>
        <ul class="cards">
          ${this.keys.map(
            (k) => html`<li class="card">
              <strong>${t.kind[k.kind]}</strong> <code>${k.prefix}</code>
              ${
                k.expiresAt
                  ? html`<span class="meta">· ${t.expires(new Date(k.expiresAt).toLocaleString(this.locale || undefined))}</span>`
                  : nothing
              }
            </li>`,
          )}
        </ul>
        <p>${t.rotateHow}</p>
        <pre class="pre"><code>${t.rotateCli}</code></pre>
        <pre class="pre"><code>${t.rotateSdk}</code></pre>
        <p class="meta">${t.rotateOverlap}</p>
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-program-settings': MmProgramSettings;
  }
}
