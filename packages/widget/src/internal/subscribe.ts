import type { LiveEvent, Micromentor } from '@micromentor/sdk';

/** How an element hears about live events: the SDK's `events.subscribe`, or a stand-in in tests. */
export type SubscribeTo<E> = (handlers: {
  onEvent(event: E): void;
  onError?(error: unknown): void;
  onOpen?(): void;
  signal: AbortSignal;
}) => void;

/** The SDK's live events (a console's, the follow-up's). */
export type Subscribe = SubscribeTo<LiveEvent>;

/** `client.events.subscribe` (reconnecting, resuming after the last event) as a `Subscribe`. */
export function sdkSubscribe(client: Micromentor): Subscribe {
  return (handlers) => {
    client.events.subscribe(handlers);
  };
}
