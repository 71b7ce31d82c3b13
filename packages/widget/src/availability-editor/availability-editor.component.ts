import { type Availability, MicromentorError } from '@micromentor/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { resolveLocale, supportedLocale } from '../i18n/locale.js';
import { ConsoleElement } from '../internal/mentor-console-element.js';
import { browserZone, matchZones, resolveZone, zoneOffset } from '../internal/time-zones.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { availabilityEditorStyles } from './availability-editor.styles.js';

/** The API's weekdays, Monday first (ISO 1–7). */
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const LENGTHS = [10, 15, 20, 30, 45, 60];
/** Zones listed at once in the picker; typing narrows the rest. */
const ZONES_SHOWN = 50;

type Interval = { start: string; end: string };
type Override = Availability['overrides'][number];
type NumberField =
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'minNoticeMinutes'
  | 'horizonDays'
  | 'maxPerDay'
  | 'maxPerWeek';
interface WeekInfo {
  firstDay: number;
  weekend: number[];
}

/** The week's first day and weekend for a BCP 47 tag (ISO 1–7); Monday and Sat–Sun when unknown. */
function weekInfo(tag: string): WeekInfo {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & {
      getWeekInfo?: () => WeekInfo;
      weekInfo?: WeekInfo;
    };
    return locale.getWeekInfo?.() ?? locale.weekInfo ?? { firstDay: 1, weekend: [6, 7] };
  } catch {
    return { firstDay: 1, weekend: [6, 7] };
  }
}

/** A time input's value as the API's: an end at 00:00 is midnight at the end of the day. */
const endIn = (value: string): string => (value === '00:00' ? '24:00' : value);
const endOut = (end: string): string => (end === '24:00' ? '00:00' : end);

/** "09:00 → 10:00": one hour later, at most the end of the day. */
function hourAfter(time: string): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const minutes = Math.min(h * 60 + m + 60, 24 * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * @tagname mm-availability-editor
 * @summary The mentor's availability: a compact week (one row per day, its ranges as start–end
 * pairs, copy a day to the weekdays or the whole week), a searchable time-zone picker, date
 * exceptions, buffers, notice, horizon, caps and session lengths. Times are checked as they are
 * typed (end after start, no overlaps in a day) and the server's own field errors are shown
 * where they belong.
 *
 * @event mm-availability-saved - `detail: { availability }`.
 *
 * @csspart button - Every button.
 */
export class MmAvailabilityEditor extends ConsoleElement {
  static override styles = [baseStyles, consoleStyles, availabilityEditorStyles];

  @property({ attribute: 'mentor-id' }) mentorId = '';

  @state() private value: Availability | null = null;
  @state() private notice = '';
  @state() private saving = false;
  /** The server's field errors of the last save, by place (`w:mon:0`, `o:1`, `o:1:0`, `tz`). */
  @state() private serverErrors = new Map<string, string>();
  /** What is typed in the time-zone picker; the zone itself is `value.timeZone`. */
  @state() private zoneText = '';
  @state() private zoneOpen = false;
  @state() private zoneActive = -1;
  @state() private zoneError = '';

  /** The zone as loaded: accepted even when the browser's list lacks it (an alias). */
  #storedZone = '';
  /** A day's ranges from before it was switched off, restored when it is switched on. */
  #switchedOff = new Map<Day, Interval[]>();

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  refresh(): Promise<void> {
    this.error = '';
    return this.load(async (api) => {
      if (!this.mentorId) return;
      const value = await api.availability(this.mentorId);
      this.#storedZone = value.timeZone;
      // A mentor with no zone yet starts in the browser's.
      this.value = value.timeZone ? value : { ...value, timeZone: browserZone() };
      this.zoneText = this.value.timeZone;
    });
  }

  protected override updated(): void {
    if (this.zoneOpen && this.zoneActive >= 0)
      this.renderRoot.querySelector(`#zone-${this.zoneActive}`)?.scrollIntoView({ block: 'nearest' });
  }

  #update(patch: Partial<Availability>): void {
    if (this.value) this.value = { ...this.value, ...patch };
    this.notice = '';
    this.error = '';
    this.serverErrors = new Map();
  }

  #intervals(day: Day): Interval[] {
    return (this.value?.weekly ?? []).filter((w) => w.day === day).map(({ start, end }) => ({ start, end }));
  }

  /** Replaces some days' ranges; the week stays in the API's day order. */
  #setDays(days: readonly Day[], intervals: Interval[]): void {
    const ranges = (d: Day) => (days.includes(d) ? intervals : this.#intervals(d));
    this.#update({ weekly: DAYS.flatMap((day) => ranges(day).map((i) => ({ day, ...i }))) });
  }

  /** The week as shown (its first day per the locale) and the locale's working days. */
  #week(): { order: Day[]; weekdays: Day[] } {
    const lang = resolveLocale(this.locale, this);
    const tags = [this.locale, this.closest('[lang]')?.getAttribute('lang'), ...navigator.languages];
    const tag = tags.find((t) => t?.includes('-') && supportedLocale(t) === lang) ?? lang;
    const { firstDay, weekend } = weekInfo(tag);
    const first = Math.min(Math.max(firstDay, 1), 7) - 1;
    return {
      order: [...DAYS.slice(first), ...DAYS.slice(0, first)],
      weekdays: DAYS.filter((_, i) => !weekend.includes(i + 1)),
    };
  }

  /** Each range's problem (or undefined): no time, end not after start, overlapping an earlier one. */
  #problems(ranges: Interval[], server: (i: number) => string | undefined): (string | undefined)[] {
    const t = this.t.availability;
    const own = ranges.map((r) =>
      !r.start || !r.end ? t.missing : r.end <= r.start ? t.endBeforeStart : undefined,
    );
    return ranges.map((r, i) => {
      if (own[i]) return own[i];
      const earlier = ranges.find((o, k) => k < i && !own[k] && o.start < r.end && r.start < o.end);
      return earlier ? t.overlaps(`${earlier.start}–${earlier.end}`) : server(i);
    });
  }

  /** How many things stop a save (the server's errors aside: editing clears them). */
  #problemCount(): number {
    const v = this.value;
    if (!v) return 0;
    const none = () => undefined;
    const count = (list: (string | undefined)[]) => list.filter(Boolean).length;
    return (
      (this.zoneError ? 1 : 0) +
      DAYS.reduce((n, day) => n + count(this.#problems(this.#intervals(day), none)), 0) +
      v.overrides.reduce((n, o) => n + (o.date ? 0 : 1) + count(this.#problems(o.intervals, none)), 0)
    );
  }

  /** Exactly the API's fields (its schema is strict), the week in day order. */
  #body(v: Availability): Availability {
    return {
      timeZone: v.timeZone,
      weekly: DAYS.flatMap((day) => this.#intervals(day).map((i) => ({ day, ...i }))),
      overrides: v.overrides.map((o) => ({
        date: o.date,
        intervals: o.intervals.map(({ start, end }) => ({ start, end })),
      })),
      bufferBeforeMinutes: v.bufferBeforeMinutes,
      bufferAfterMinutes: v.bufferAfterMinutes,
      minNoticeMinutes: v.minNoticeMinutes,
      horizonDays: v.horizonDays,
      maxPerDay: v.maxPerDay,
      maxPerWeek: v.maxPerWeek,
      sessionLengths: v.sessionLengths,
      meetingUrl: v.meetingUrl,
    };
  }

  /** The server's field errors (`body.weekly.3.end`) placed next to what they are about. */
  #placeErrors(error: unknown, sent: Availability): Map<string, string> {
    const placed = new Map<string, string>();
    const fields = error instanceof MicromentorError ? (error.problem?.errors ?? []) : [];
    for (const { path, message } of fields) {
      const [, field, index, interval] = /^body\.(\w+)(?:\.(\d+))?(?:\.intervals\.(\d+))?/.exec(path) ?? [];
      if (field === 'timeZone') placed.set('tz', message);
      const rule = field === 'weekly' && index !== undefined ? sent.weekly[Number(index)] : undefined;
      if (rule) {
        const nth = sent.weekly.slice(0, Number(index)).filter((r) => r.day === rule.day).length;
        placed.set(`w:${rule.day}:${nth}`, message);
      }
      if (field === 'overrides' && index !== undefined)
        placed.set(interval === undefined ? `o:${index}` : `o:${index}:${interval}`, message);
    }
    return placed;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.#commitZone();
    if (!this.api || !this.value || this.saving) return;
    const problems = this.#problemCount();
    if (problems) {
      this.notice = '';
      this.error = this.t.availability.invalid(problems);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const body = this.#body(this.value);
    this.saving = true;
    this.notice = '';
    try {
      const saved = await this.api.saveAvailability(this.mentorId, body);
      this.value = saved;
      this.#storedZone = this.zoneText = saved.timeZone;
      this.error = '';
      this.notice = this.t.availability.saved;
      this.emit('mm-availability-saved', { availability: saved });
    } catch (error) {
      this.error = this.describe(error);
      this.serverErrors = this.#placeErrors(error, body);
      this.zoneError = this.serverErrors.get('tz') ?? this.zoneError;
    } finally {
      this.saving = false;
    }
  }

  // The time-zone picker: a combobox over the browser's zones.

  #zoneMatches(): string[] {
    const typed = this.zoneText === this.value?.timeZone ? '' : this.zoneText;
    return matchZones(typed, ZONES_SHOWN);
  }

  #chooseZone(zone: string): void {
    this.#update({ timeZone: zone });
    this.zoneText = zone;
    this.zoneOpen = false;
    this.zoneActive = -1;
    this.zoneError = '';
  }

  /** Takes what is typed when it names a zone; otherwise says so (and saving waits). */
  #commitZone(): void {
    this.zoneOpen = false;
    this.zoneActive = -1;
    if (!this.value || (this.zoneText === this.value.timeZone && !this.zoneError)) return;
    const zone = resolveZone(this.zoneText, [this.#storedZone]);
    if (zone) this.#chooseZone(zone);
    else this.zoneError = this.t.availability.zoneUnknown;
  }

  #zoneKey(event: KeyboardEvent): void {
    const zones = this.#zoneMatches();
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
    if (step) {
      event.preventDefault();
      if (!this.zoneOpen) this.zoneOpen = true;
      else if (zones.length) this.zoneActive = (this.zoneActive + step + zones.length) % zones.length;
    } else if (event.key === 'Enter') {
      event.preventDefault(); // choosing a zone is not saving the form
      const active = this.zoneOpen ? zones[this.zoneActive] : undefined;
      if (active) this.#chooseZone(active);
      else this.#commitZone();
    } else if (event.key === 'Escape' && this.zoneOpen) {
      event.preventDefault();
      this.zoneOpen = false;
    }
  }

  #zone(v: Availability): TemplateResult {
    const t = this.t.availability;
    const zones = this.#zoneMatches();
    const open = this.zoneOpen && zones.length > 0;
    const active = open && this.zoneActive >= 0 ? `zone-${this.zoneActive}` : '';
    return html`<div class="zone">
      <label for="zone">${t.timeZone}</label>
      <div class="combo">
        <input
          id="zone"
          role="combobox"
          autocomplete="off"
          spellcheck="false"
          aria-autocomplete="list"
          aria-controls="zones"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${active || nothing}
          aria-invalid=${this.zoneError ? 'true' : 'false'}
          aria-describedby=${this.zoneError ? 'zone-error' : 'zone-hint'}
          .value=${this.zoneText}
          @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
          @click=${() => (this.zoneOpen = true)}
          @input=${(e: Event) => {
            this.zoneText = (e.target as HTMLInputElement).value;
            this.zoneOpen = true;
            this.zoneActive = -1;
            this.zoneError = '';
          }}
          @keydown=${this.#zoneKey}
          @blur=${this.#commitZone}
        />
        <ul id="zones" role="listbox" aria-label=${t.zones} ?hidden=${!open}>
          ${
            open
              ? zones.map(
                  (zone, i) => html`<li
                  id="zone-${i}"
                  role="option"
                  aria-selected=${i === this.zoneActive ? 'true' : 'false'}
                  @mousedown=${(e: Event) => e.preventDefault()}
                  @click=${() => this.#chooseZone(zone)}
                >
                  ${zone} <span class="offset">(${zoneOffset(zone)})</span>
                </li>`,
                )
              : nothing
          }
        </ul>
      </div>
      ${
        this.zoneError
          ? html`<span class="error" id="zone-error">${this.zoneError}</span>`
          : html`<span class="hint" id="zone-hint">${t.zoneHint(zoneOffset(v.timeZone))}</span>`
      }
    </div>`;
  }

  // The week.

  #range(
    ranges: Interval[],
    i: number,
    problem: string | undefined,
    id: string,
    labels: { start: string; end: string; remove: string },
    set: (ranges: Interval[]) => void,
  ): TemplateResult {
    const r = ranges[i]!;
    const change = (patch: Partial<Interval>) =>
      set(ranges.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    const invalid = problem ? 'true' : 'false';
    const describedBy = problem ? id : nothing;
    return html`<div class="range">
      <input
        type="time"
        step="900"
        aria-label=${labels.start}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${r.start}
        @change=${(e: Event) => change({ start: (e.target as HTMLInputElement).value })}
      /><span aria-hidden="true">–</span
      ><input
        type="time"
        step="900"
        aria-label=${labels.end}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .value=${endOut(r.end)}
        @change=${(e: Event) => change({ end: endIn((e.target as HTMLInputElement).value) })}
      />
      <button
        type="button"
        part="button"
        class="icon"
        aria-label=${labels.remove}
        @click=${() => set(ranges.filter((_, j) => j !== i))}
      >
        ×
      </button>
      ${problem ? html`<span class="error" id=${id}>${problem}</span>` : nothing}
    </div>`;
  }

  /** One more range after the last (09:00–17:00 for the first). */
  #added(ranges: Interval[]): Interval[] {
    const last = ranges.at(-1);
    if (!last) return [{ start: '09:00', end: '17:00' }];
    const start = last.end < '24:00' ? last.end : '23:00';
    return [...ranges, { start, end: hourAfter(start) }];
  }

  #day(day: Day, weekdays: Day[]): TemplateResult {
    const t = this.t.availability;
    const name = this.t.days[day] ?? day;
    const ranges = this.#intervals(day);
    const problems = this.#problems(ranges, (i) => this.serverErrors.get(`w:${day}:${i}`));
    const set = (next: Interval[]) => this.#setDays([day], next);
    const copy = (event: Event, days: readonly Day[]) => {
      this.#setDays(days, ranges);
      this.notice = t.copied(name);
      const menu = (event.target as HTMLElement).closest('details')!;
      menu.open = false;
      menu.querySelector('summary')!.focus(); // the menu's button was focused; it is gone now
    };
    return html`<div class="day ${ranges.length ? 'on' : 'off'}" role="group" aria-labelledby="day-${day}">
      <label class="toggle"
        ><input
          type="checkbox"
          .checked=${ranges.length > 0}
          @change=${(e: Event) => {
            if ((e.target as HTMLInputElement).checked) set(this.#switchedOff.get(day) ?? this.#added([]));
            else {
              this.#switchedOff.set(day, ranges);
              set([]);
            }
          }}
        /><span id="day-${day}" class="name">${name}</span></label
      >
      <div class="ranges">
        ${
          ranges.length
            ? ranges.map((_, i) =>
                this.#range(
                  ranges,
                  i,
                  problems[i],
                  `problem-${day}-${i}`,
                  { start: t.start(name, i + 1), end: t.end(name, i + 1), remove: t.remove(name, i + 1) },
                  set,
                ),
              )
            : html`<span class="off">${t.off}</span>`
        }
      </div>
      ${
        ranges.length
          ? html`<div class="tools">
            <button type="button" part="button" class="icon" aria-label=${t.add(name)} @click=${() => set(this.#added(ranges))}>
              +
            </button>
            <details
              class="menu"
              @keydown=${(e: KeyboardEvent) => {
                const details = e.currentTarget as HTMLDetailsElement;
                if (e.key !== 'Escape' || !details.open) return;
                details.open = false;
                details.querySelector('summary')!.focus();
              }}
            >
              <summary aria-label=${t.copyFrom(name)}>${t.copy}</summary>
              <div class="pop">
                <button type="button" part="button" @click=${(e: Event) => copy(e, weekdays)}>${t.copyWeekdays}</button>
                <button type="button" part="button" @click=${(e: Event) => copy(e, DAYS)}>${t.copyAll}</button>
              </div>
            </details>
          </div>`
          : nothing
      }
    </div>`;
  }

  #override(o: Override, n: number): TemplateResult {
    const t = this.t.availability;
    const v = this.value!;
    const label = t.overrideLabel(n + 1);
    const set = (next: Override) =>
      this.#update({ overrides: v.overrides.map((x, j) => (j === n ? next : x)) });
    const setIntervals = (intervals: Interval[]) => set({ ...o, intervals });
    const problems = this.#problems(o.intervals, (k) => this.serverErrors.get(`o:${n}:${k}`));
    const dateProblem = this.serverErrors.get(`o:${n}`) ?? (o.date ? undefined : t.pickDate);
    return html`<div class="override" role="group" aria-label=${label}>
      <input
        type="date"
        aria-label=${t.overrideDate(n + 1)}
        aria-invalid=${dateProblem ? 'true' : 'false'}
        aria-describedby=${dateProblem ? `override-${n}` : nothing}
        .value=${o.date}
        @change=${(e: Event) => set({ ...o, date: (e.target as HTMLInputElement).value })}
      />
      <label class="toggle"
        ><input
          type="checkbox"
          .checked=${o.intervals.length === 0}
          @change=${(e: Event) => setIntervals((e.target as HTMLInputElement).checked ? [] : this.#added([]))}
        />${t.overrideOff}</label
      >
      <div class="ranges">
        ${o.intervals.map((_, k) =>
          this.#range(
            o.intervals,
            k,
            problems[k],
            `problem-o${n}-${k}`,
            { start: t.start(label, k + 1), end: t.end(label, k + 1), remove: t.remove(label, k + 1) },
            setIntervals,
          ),
        )}
      </div>
      ${
        o.intervals.length
          ? html`<button
            type="button"
            part="button"
            class="icon"
            aria-label=${t.add(label)}
            @click=${() => setIntervals(this.#added(o.intervals))}
          >
            +
          </button>`
          : nothing
      }
      <button
        type="button"
        part="button"
        class="small"
        aria-label=${t.removeOverride(n + 1)}
        @click=${() => this.#update({ overrides: v.overrides.filter((_, j) => j !== n) })}
      >
        ${t.removeShort}
      </button>
      ${dateProblem ? html`<span class="error" id="override-${n}">${dateProblem}</span>` : nothing}
    </div>`;
  }

  #number(field: NumberField, label: string, min: number, max: number, nullable = false): TemplateResult {
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
      return this.error ? this.alert() : html`<p role="status">${this.t.loading}</p>`;
    }
    const { order, weekdays } = this.#week();
    return html`<form @submit=${this.#save}>
      <h3>${t.heading}</h3>
      ${this.#zone(v)}
      <div class="week" role="group" aria-label=${t.weekly}>${order.map((day) => this.#day(day, weekdays))}</div>
      <div class="overrides" role="group" aria-labelledby="overrides">
        <div class="head">
          <span id="overrides" class="label">${t.overrides}</span>
          <button
            type="button"
            part="button"
            class="small"
            @click=${() => this.#update({ overrides: [...v.overrides, { date: '', intervals: [] }] })}
          >
            ${t.addOverride}
          </button>
        </div>
        ${v.overrides.map((o, n) => this.#override(o, n))}
      </div>
      <div class="grid">
        ${this.#number('bufferBeforeMinutes', t.bufferBefore, 0, 240)}
        ${this.#number('bufferAfterMinutes', t.bufferAfter, 0, 240)}
        ${this.#number('minNoticeMinutes', t.minNotice, 0, 43200)} ${this.#number('horizonDays', t.horizon, 1, 365)}
        ${this.#number('maxPerDay', t.maxPerDay, 1, 100, true)}
        ${this.#number('maxPerWeek', t.maxPerWeek, 1, 100, true)}
      </div>
      <div class="lengths" role="group" aria-labelledby="lengths">
        <span id="lengths" class="label">${t.lengths}</span>
        ${LENGTHS.map(
          (n) => html`<label class="toggle"
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
      ${this.alert()}
      <div class="actions">
        <button part="button" class="primary" ?disabled=${this.saving}>${this.saving ? t.saving : t.save}</button>
        <span role="status" aria-live="polite" class="ok">${this.notice}</span>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-availability-editor': MmAvailabilityEditor;
  }
}
