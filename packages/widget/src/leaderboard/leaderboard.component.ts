import { type Leaderboard, Micromentor, NotFoundError } from '@micromentor/sdk';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type LeaderboardMessages, leaderboardMessages } from '../i18n/leaderboard.js';
import { ClientElement } from '../internal/client-element.js';
import { baseStyles, standaloneSurface } from '../styles/base.js';
import { leaderboardStyles } from './leaderboard.styles.js';

export interface LeaderboardApi {
  leaderboard(by: 'sessions' | 'minutes', limit: number): Promise<Leaderboard>;
}

export const leaderboardApi = (client: Micromentor): LeaderboardApi => ({
  leaderboard: (by, limit) => client.recognition.leaderboard({ by, limit }),
});

/**
 * @tagname mm-leaderboard
 * @summary This month's most active mentors of the program, for a page or the mentor console.
 * Shows nothing at all unless the program has turned the leaderboard on.
 *
 * @csspart button - "Try again" after a failed load.
 * @cssproperty --mm-accent - Accent and focus colour. Default `#4338ca`.
 */
export class MmLeaderboard extends ClientElement<LeaderboardApi, Micromentor, LeaderboardMessages> {
  static override styles = [baseStyles, standaloneSurface, leaderboardStyles];

  /** Rank by completed `sessions` (default) or `minutes`. */
  @property() by: 'sessions' | 'minutes' = 'sessions';
  /** How many mentors to show (1–50). */
  @property({ type: Number }) limit = 5;
  /** The viewing mentor's id (the mentor console sets it): their own row is marked "you". */
  @property({ attribute: 'mentor-id' }) mentorId = '';

  @state() private board: Leaderboard | null = null;
  protected override loading = true;

  override connectedCallback(): void {
    super.connectedCallback();
    // After the first update: what the embed script set before definition is applied by then.
    void this.updateComplete.then(() => this.refresh());
  }

  get t(): LeaderboardMessages {
    return leaderboardMessages(this.locale, this);
  }

  async refresh(): Promise<void> {
    if (!this.ensureApi(Micromentor, leaderboardApi)) return;
    this.loading = true;
    await this.load(async (api) => {
      try {
        this.board = await api.leaderboard(this.by, this.limit);
        this.hidden = false;
      } catch (error) {
        // The program keeps its leaderboard off: there is nothing to show, not a failure.
        if (error instanceof NotFoundError && error.code === 'leaderboard_disabled') {
          this.board = null;
          this.hidden = true;
          return;
        }
        throw error;
      }
    });
  }

  #month(board: Leaderboard): string {
    const [year, month] = board.month.split('-').map(Number);
    return new Intl.DateTimeFormat(this.locale || undefined, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)));
  }

  override render() {
    const t = this.t;
    if (this.loading && !this.board) {
      return html`<h3>${t.heading}</h3>
        <p class="visually-hidden" role="status">${this.t.loading}</p>
        <ol aria-hidden="true">
          ${[0, 1, 2].map(() => html`<li class="skeleton"></li>`)}
        </ol>`;
    }
    if (this.error) {
      return html`<h3>${t.heading}</h3>
        ${this.alert()}`;
    }
    const board = this.board;
    if (!board) return nothing;
    return html`<h3>${t.heading}</h3>
      <p class="meta">${t.period(this.#month(board), board.by)}</p>
      ${
        board.entries.length === 0
          ? html`<p>${t.empty}</p>`
          : html`<ol>
            ${board.entries.map(
              (entry) => html`<li class=${entry.mentor.id === this.mentorId ? 'you' : ''}>
                <span class="rank" aria-label=${t.rank(entry.rank)}>${entry.rank}</span>
                <span class="name">${entry.mentor.name}${entry.mentor.id === this.mentorId ? ` (${t.you})` : nothing}</span>
                <span class="figure">
                  ${board.by === 'minutes' ? t.minutes(entry.minutes) : t.sessions(entry.sessions)}
                </span>
                ${entry.mentor.headline ? html`<span class="headline">${entry.mentor.headline}</span>` : nothing}
              </li>`,
            )}
          </ol>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-leaderboard': MmLeaderboard;
  }
}
