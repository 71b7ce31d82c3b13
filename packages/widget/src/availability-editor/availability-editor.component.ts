import type { Availability } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const LENGTHS = [10, 15, 20, 30, 45, 60];

type Interval = { start: string; end: string };
type NumberField =
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'minNoticeMinutes'
  | 'horizonDays'
  | 'maxPerDay'
  | 'maxPerWeek';

/**
 * @tagname mm-availability-editor
 * @summary The mentor's availability: weekly hours per day in their time zone, date exceptions,
 * buffers, notice, horizon, caps and session lengths. Native inputs only, so it is keyboard usable.
 *
 * @event mm-availability-saved - `detail: { availability }`.
 *
 * @csspart button - Every button.
 */
export class MmAvailabilityEditor extends ConsoleElement {
  static override styles = [baseStyles, consoleStyles];

  @property({ attribute: 'mentor-id' }) mentorId = '';

  @state() private value: Availability | null = null;
  @state() private notice = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      if (this.mentorId) this.value = await api.availability(this.mentorId);
    });
  }

  #update(patch: Partial<Availability>): void {
    if (this.value) this.value = { ...this.value, ...patch };
    this.notice = '';
  }

  #intervals(day: Day): Interval[] {
    return (this.value?.weekly ?? []).filter((w) => w.day === day);
  }

  #setDay(day: Day, intervals: Interval[]): void {
    const weekly = (this.value?.weekly ?? []).filter((w) => w.day !== day);
    this.#update({ weekly: [...weekly, ...intervals.map((i) => ({ day, ...i }))] });
  }

  #valid(): boolean {
    const v = this.value;
    if (!v) return false;
    return (
      v.weekly.every((w) => w.start < w.end) &&
      v.overrides.every((o) => o.intervals.every((i) => i.start < i.end))
    );
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || !this.value) return;
    if (!this.#valid()) {
      this.error = this.t.availability.invalid;
      return;
    }
    try {
      this.value = await this.api.saveAvailability(this.mentorId, this.value);
      this.error = '';
      this.notice = this.t.availability.saved;
      this.emit('mm-availability-saved', { availability: this.value });
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  #number(field: NumberField, label: string, min: number, max: number, nullable = false) {
    const value = this.value?.[field];
    return html`<label
      >${label}<input
        type="number"
        name=${field}
        min=${min}
        max=${max}
        .value=${value === null || value === undefined ? '' : String(value)}
        @change=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value;
          this.#update({ [field]: raw === '' && nullable ? null : Number(raw) } as Partial<Availability>);
        }}
    /></label>`;
  }

  override render() {
    const t = this.t.availability;
    const v = this.value;
    if (!v) {
      return this.error
        ? html`<p class="error" role="alert">${this.error}</p>`
        : html`<p role="status">${this.t.loading}</p>`;
    }
    return html`<form @submit=${this.#save}>
      <h3>${t.heading}</h3>
      <label
        >${t.timeZone}<input
          type="text"
          name="timeZone"
          .value=${v.timeZone}
          @change=${(e: Event) => this.#update({ timeZone: (e.target as HTMLInputElement).value.trim() })}
      /></label>
      <p class="meta">${t.intro(v.timeZone)}</p>
      ${DAYS.map((day) => this.#day(day))}
      <fieldset>
        <legend>${t.overrides}</legend>
        ${v.overrides.map((o, i) => this.#override(o, i))}
        <button
          type="button"
          part="button"
          @click=${() => this.#update({ overrides: [...v.overrides, { date: '', intervals: [] }] })}
        >
          ${t.addOverride}
        </button>
      </fieldset>
      <div class="grid">
        ${this.#number('bufferBeforeMinutes', t.bufferBefore, 0, 240)}
        ${this.#number('bufferAfterMinutes', t.bufferAfter, 0, 240)}
        ${this.#number('minNoticeMinutes', t.minNotice, 0, 43200)} ${this.#number('horizonDays', t.horizon, 1, 365)}
        ${this.#number('maxPerDay', t.maxPerDay, 1, 100, true)}
        ${this.#number('maxPerWeek', t.maxPerWeek, 1, 100, true)}
      </div>
      <fieldset>
        <legend>${t.lengths}</legend>
        <div class="row">
          ${LENGTHS.map(
            (n) => html`<label class="row"
              ><input
                type="checkbox"
                .checked=${v.sessionLengths.includes(n)}
                @change=${(e: Event) => {
                  const on = (e.target as HTMLInputElement).checked;
                  const lengths = on
                    ? [...v.sessionLengths, n].sort((a, b) => a - b)
                    : v.sessionLengths.filter((x) => x !== n);
                  if (lengths.length) this.#update({ sessionLengths: lengths });
                  else (e.target as HTMLInputElement).checked = true;
                }}
              />${n}</label
            >`,
          )}
        </div>
      </fieldset>
      <p role="status" class="ok">${this.notice}</p>
      ${this.alert()}
      <button part="button" class="primary">${t.save}</button>
    </form>`;
  }

  #day(day: Day) {
    const t = this.t.availability;
    const name = this.t.days[day] ?? day;
    const intervals = this.#intervals(day);
    return html`<fieldset>
      <legend>${name}</legend>
      ${intervals.length === 0 ? html`<p class="meta">${t.off}</p>` : nothing}
      ${intervals.map(
        (interval, i) => html`<div class="row">
          <input
            type="time"
            aria-label=${t.from(name, i + 1)}
            .value=${interval.start}
            @change=${(e: Event) =>
              this.#setDay(
                day,
                intervals.map((x, j) =>
                  j === i ? { ...x, start: (e.target as HTMLInputElement).value } : x,
                ),
              )}
          />
          –
          <input
            type="time"
            aria-label=${t.to(name, i + 1)}
            .value=${interval.end}
            @change=${(e: Event) =>
              this.#setDay(
                day,
                intervals.map((x, j) => (j === i ? { ...x, end: (e.target as HTMLInputElement).value } : x)),
              )}
          />
          <button
            type="button"
            part="button"
            aria-label=${t.remove(name, i + 1)}
            @click=${() =>
              this.#setDay(
                day,
                intervals.filter((_, j) => j !== i),
              )}
          >
            ×
          </button>
        </div>`,
      )}
      <button
        type="button"
        part="button"
        @click=${() => this.#setDay(day, [...intervals, { start: '09:00', end: '12:00' }])}
      >
        ${t.add(name)}
      </button>
    </fieldset>`;
  }

  #override(o: Availability['overrides'][number], i: number) {
    const t = this.t.availability;
    const v = this.value!;
    const set = (next: Availability['overrides'][number]) =>
      this.#update({ overrides: v.overrides.map((x, j) => (j === i ? next : x)) });
    return html`<div class="row">
      <input
        type="date"
        aria-label=${t.overrideDate(i + 1)}
        .value=${o.date}
        @change=${(e: Event) => set({ ...o, date: (e.target as HTMLInputElement).value })}
      />
      <label class="row"
        ><input
          type="checkbox"
          .checked=${o.intervals.length === 0}
          @change=${(e: Event) =>
            set({
              ...o,
              intervals: (e.target as HTMLInputElement).checked ? [] : [{ start: '09:00', end: '12:00' }],
            })}
        />${t.overrideOff}</label
      >
      ${o.intervals.map(
        (interval, k) => html`<input
            type="time"
            aria-label=${t.overrideFrom(i + 1, k + 1)}
            .value=${interval.start}
            @change=${(e: Event) =>
              set({
                ...o,
                intervals: o.intervals.map((x, j) =>
                  j === k ? { ...x, start: (e.target as HTMLInputElement).value } : x,
                ),
              })}
          />–<input
            type="time"
            aria-label=${t.overrideTo(i + 1, k + 1)}
            .value=${interval.end}
            @change=${(e: Event) =>
              set({
                ...o,
                intervals: o.intervals.map((x, j) =>
                  j === k ? { ...x, end: (e.target as HTMLInputElement).value } : x,
                ),
              })}
          />`,
      )}
      <button
        type="button"
        part="button"
        aria-label=${t.removeOverride(i + 1)}
        @click=${() => this.#update({ overrides: v.overrides.filter((_, j) => j !== i) })}
      >
        ×
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-availability-editor': MmAvailabilityEditor;
  }
}
