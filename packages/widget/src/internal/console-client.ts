import type { Micromentor, MicromentorOptions, UserTokenProvider } from '@micromentor/sdk';
import type { PropertyValues } from 'lit';

/** What a console element is given by the page: its own client, or a key to build one with. */
export interface ClientSource<C extends Micromentor = Micromentor> {
  client: C | null;
  publishableKey: string;
  apiBase: string;
  userToken: string;
  /** Renews the user token (the embed's `Micromentor('tokenProvider', fn)`). */
  tokenProvider: UserTokenProvider | undefined;
}

/**
 * The page's client, or a `Client` (`Micromentor`, or `MicromentorAdmin` for the admin console)
 * built from the publishable key and API base (null with neither, or with a key the SDK
 * refuses), with the element's user token and token provider applied.
 */
export function consoleClient<C extends Micromentor>(
  source: ClientSource<C>,
  Client: new (options: MicromentorOptions) => C,
): C | null {
  let client = source.client;
  if (!client && source.publishableKey) {
    try {
      client = new Client({
        baseUrl: source.apiBase || location.origin,
        publishableKey: source.publishableKey,
      });
    } catch {
      client = null;
    }
  }
  if (client && source.userToken) client.setUserToken(source.userToken);
  if (client && source.tokenProvider) client.setUserTokenProvider(source.tokenProvider);
  return client;
}

/**
 * Applies a new `userToken` or `tokenProvider` (the embed's `identify` and `tokenProvider`
 * commands) to the client the element already uses: consoles stay open for hours, past the
 * token they started with. Only changes after the first update count (the first one only sets
 * the defaults), and a token the provider renewed inside the client is not undone.
 */
export function followIdentity(
  host: ClientSource & { readonly hasUpdated: boolean },
  changed: PropertyValues,
): void {
  const client = host.client;
  if (!client || !host.hasUpdated) return;
  if (changed.has('userToken')) client.setUserToken(host.userToken || undefined);
  if (changed.has('tokenProvider')) client.setUserTokenProvider(host.tokenProvider);
}
