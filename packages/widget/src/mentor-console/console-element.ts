import { ApiElement } from '../internal/api-element.js';
import type { ConsoleApi } from './console-api.js';
import { type ConsoleMessages, consoleMessages } from './console-i18n.js';

/** A panel of the mentor console. */
export class ConsoleElement extends ApiElement<ConsoleApi> {
  get t(): ConsoleMessages {
    return consoleMessages(this.locale, this);
  }

  protected override get errorWords(): { generic: string; network: string } {
    return this.t.errors;
  }
}
