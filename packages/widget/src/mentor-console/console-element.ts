import { ConnectionError, MicromentorError } from '@micromentor/sdk';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { ConsoleApi } from './console-api.js';
import { type ConsoleMessages, consoleMessages } from './console-i18n.js';

/** What every panel of the mentor console shares: the API calls, the locale and error words. */
export class ConsoleElement extends LitElement {
  /** The console's API calls (set by `<mm-mentor-console>`). */
  @property({ attribute: false }) api: ConsoleApi | null = null;

  /** `en` or `es`; empty: the page's `lang`, then the browser's languages. */
  @property({ reflect: true }) locale = '';

  get t(): ConsoleMessages {
    return consoleMessages(this.locale, this);
  }

  /** A failed call in plain words (the server's own `detail` for validation and conflicts). */
  describe(error: unknown): string {
    if (error instanceof ConnectionError) return this.t.errors.network;
    const detail = error instanceof MicromentorError ? error.problem?.detail : undefined;
    if (detail && error instanceof MicromentorError && error.status >= 400 && error.status < 500)
      return detail;
    return this.t.errors.generic;
  }

  /** Dispatches a bubbling, composed `mm-` event. */
  protected emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { bubbles: true, composed: true, detail }));
  }
}
