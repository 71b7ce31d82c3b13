import type { Micromentor, MicromentorOptions, UserTokenProvider } from '@micromentor/sdk';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiElement, type PanelWords } from './api-element.js';
import { type ClientSource, consoleClient, followIdentity } from './console-client.js';

/**
 * An element a page embeds on its own (a console, the learner's follow-up): it takes the page's
 * SDK client or builds one from its attributes, follows later `identify`/`tokenProvider`
 * commands on it, and builds its calls on that client.
 */
export abstract class ClientElement<Api, C extends Micromentor, Words extends PanelWords>
  extends ApiElement<Api, Words>
  implements ClientSource<C>
{
  @property({ attribute: 'publishable-key' }) publishableKey = '';
  @property({ attribute: 'api-base' }) apiBase = '';
  /** Short-lived JWT of the signed-in user (the element's summary says which role it needs). */
  @property({ attribute: 'user-token' }) userToken = '';
  /** An SDK client to use instead of one built from the attributes. */
  @property({ attribute: false }) client: C | null = null;
  /** Renews the user token when it expires (set by the embed's `tokenProvider` command). */
  @property({ attribute: false }) tokenProvider: UserTokenProvider | undefined = undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    followIdentity(this, changed);
  }

  /**
   * The element's calls: those already set, or `calls` on the page's client (or one built as a
   * `Client` from the key); null when there is neither.
   */
  protected ensureApi(Client: new (options: MicromentorOptions) => C, calls: (client: C) => Api): Api | null {
    if (this.api) return this.api;
    const client = consoleClient(this, Client);
    if (!client) return null;
    this.client = client;
    this.api = calls(client);
    return this.api;
  }
}
