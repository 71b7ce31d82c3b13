import { css, type PropertyValues } from 'lit';
import { ApiElement, type PanelWords } from './api-element.js';

/** A settings panel is a section of its own wherever a console draws it: apart from what is before it. */
export const partStyles = css`
  :host {
    display: block;
    margin-top: var(--_s5);
  }
`;

/**
 * A panel that comes in the consoles' settings part (`settings-part.ts`): in the script-tag
 * consoles a file of its own, loaded the first time one is shown, carrying its own copies of
 * Lit, ApiElement and the SDK's classes. So it loads once its calls arrive (upgraded late, it
 * gets the `api` its console set meanwhile at its first update), follows the theme of the element
 * that drew it itself (the console's copy does not recognise it to hand a change down), and reads
 * the SDK's errors by their shape, not their class.
 */
export abstract class PartElement<Api, Words extends PanelWords> extends ApiElement<Api, Words> {
  #themeWatch = new MutationObserver(([change]) => {
    this.theme = (change!.target as Element).getAttribute('theme') ?? '';
  });

  /** Loads the panel's data (and again after a failure, from the alert's "Try again"). */
  abstract refresh(): Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    const host = (this.getRootNode() as ShadowRoot).host;
    if (host) this.#themeWatch.observe(host, { attributeFilter: ['theme'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#themeWatch.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') && this.api) void this.refresh();
  }

  /** `name`, `status` and `problem` of the console's SDK errors, whichever copy made them. */
  override describe(error: unknown): string {
    const e = error as { name?: string; status?: number; problem?: { detail?: string } | null } | null;
    if (e?.name === 'ConnectionError' || e?.name === 'TimeoutError') return this.t.errors.network;
    const detail = e?.problem?.detail;
    return detail && e!.status! >= 400 && e!.status! < 500 ? detail : this.t.errors.generic;
  }
}
