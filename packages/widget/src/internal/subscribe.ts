/** How an element hears about live events: the SDK's `events.subscribe`, or a stand-in in tests. */
export type SubscribeTo<E> = (handlers: {
  onEvent(event: E): void;
  onError?(error: unknown): void;
  onOpen?(): void;
  signal: AbortSignal;
}) => void;
