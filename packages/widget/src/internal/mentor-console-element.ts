import { type ConsoleMessages, consoleMessages } from '../i18n/mentor-console.js';
import { ApiElement } from './api-element.js';
import type { ConsoleApi } from './mentor-console-api.js';

/** A panel of the mentor console (`Api`: the calls it needs, all of the console's by default). */
export class ConsoleElement<Api = ConsoleApi> extends ApiElement<Api, ConsoleMessages> {
  get t(): ConsoleMessages {
    return consoleMessages(this.locale, this);
  }
}
