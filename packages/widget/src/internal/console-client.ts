import { Micromentor } from '@micromentor/sdk';

/** What a console element is given by the page: its own client, or a key to build one with. */
export interface ClientSource {
  client: Micromentor | null;
  publishableKey: string;
  apiBase: string;
  userToken: string;
}

/**
 * The page's client, or one built from the publishable key and API base (null with neither, or
 * with a key the SDK refuses), with the element's user token applied.
 */
export function consoleClient(source: ClientSource): Micromentor | null {
  let client = source.client;
  if (!client && source.publishableKey) {
    try {
      client = new Micromentor({
        baseUrl: source.apiBase || location.origin,
        publishableKey: source.publishableKey,
      });
    } catch {
      client = null;
    }
  }
  if (client && source.userToken) client.setUserToken(source.userToken);
  return client;
}
