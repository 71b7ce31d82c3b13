import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { SessionNotes } from '../internal/follow-up-api.js';
import { FollowUpElement } from '../internal/follow-up-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';

/**
 * @tagname mm-action-items
 * @summary A session's summary and action items from the mentor; the learner ticks items off.
 *
 * @event mm-action-item-toggled - `detail: { itemId, done }`.
 */
export class MmActionItems extends FollowUpElement {
  static override styles = [
    baseStyles,
    consoleStyles,
    // The checkbox inline before its text (a long text wraps beside it, not under it); the whole
    // label is the click target.
    css`
      label.item {
        display: flex;
        align-items: flex-start;
        gap: var(--_s2);
        font-weight: 400;
        cursor: pointer;
      }
      label.item input {
        flex: none;
        margin: 0.2em 0 0;
      }
      label.item span {
        min-width: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The session's notes (the follow-up loads them). */
  @property({ attribute: false }) notes: SessionNotes | null = null;

  async #toggle(itemId: string, done: boolean): Promise<void> {
    if (!this.api || !this.notes) return;
    try {
      const item = await this.api.setDone(itemId, done);
      this.notes = {
        ...this.notes,
        actionItems: this.notes.actionItems.map((i) => (i.id === item.id ? item : i)),
      };
      this.error = '';
      this.emit('mm-action-item-toggled', { itemId, done: item.done });
    } catch (error) {
      // The box goes back to the saved state: `live()` compares with the input's own `checked`
      // (the click changed it; the bound value did not), so the re-render resets it.
      const text = this.notes.actionItems.find((i) => i.id === itemId)?.text ?? '';
      this.error = this.t.items.notSaved(text, this.describe(error));
      this.requestUpdate();
    }
  }

  override render() {
    const n = this.notes;
    if (!n) return nothing;
    const t = this.t.items;
    const done = n.actionItems.filter((i) => i.done).length;
    return html`${n.summary ? html`<p class="pre"><strong>${t.summary}:</strong> ${n.summary}</p>` : nothing}
      ${
        n.actionItems.length
          ? html`<p class="meta" aria-live="polite">${t.progress(done, n.actionItems.length)}</p>
            <ul class="cards">
              ${n.actionItems.map(
                (item) => html`<li>
                  <label class="item"
                    ><input
                      type="checkbox"
                      .checked=${live(item.done)}
                      @change=${(e: Event) => this.#toggle(item.id, (e.target as HTMLInputElement).checked)}
                    /><span>${item.text}</span></label
                  >
                </li>`,
              )}
            </ul>`
          : nothing
      }
      ${this.alert()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-action-items': MmActionItems;
  }
}
