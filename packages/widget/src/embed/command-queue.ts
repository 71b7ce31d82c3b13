import type { UserTokenProvider } from '@micromentor/sdk';

/**
 * The snippet a site pastes before (or instead of waiting for) the script:
 *
 *   window.Micromentor = window.Micromentor || function () {
 *     (window.Micromentor.q = window.Micromentor.q || []).push(arguments);
 *   };
 *   Micromentor('identify', userToken);
 *   Micromentor('tokenProvider', async () => (await fetch('/my-token')).text());
 *   Micromentor('on', 'booking-created', (detail) => console.log(detail.booking));
 *   Micromentor('open', { topic: 'sql-joins' });
 */
export interface MicromentorGlobal {
  (command: string, ...args: unknown[]): void;
  /** Calls made before the script ran (`arguments` objects or arrays). */
  q?: ArrayLike<unknown>[];
  /** Set as soon as one embed script claims the page; a second load then does nothing. */
  loaded?: boolean;
}

export interface OpenOptions {
  /** Pre-scopes the question, like the `topic` attribute. */
  topic?: string;
}

/** Gets an `mm-` event's `detail` (and the event itself). */
export type EventListener = (detail: unknown, event: Event) => void;

declare global {
  interface Window {
    Micromentor?: MicromentorGlobal;
  }
}

export interface EmbedCommands {
  identify(userToken: string | null): void;
  open(options?: OpenOptions): void;
  close(): void;
  /** `name` with or without the `mm-` prefix: `booking-created`, `open`, `error`… */
  on(name: string, listener: EventListener): void;
  tokenProvider(provider: UserTokenProvider | undefined): void;
}

/** The stub from the snippet, created here when the page did not paste it. */
export function ensureStub(): MicromentorGlobal {
  if (window.Micromentor) return window.Micromentor;
  const queue: ArrayLike<unknown>[] = [];
  const stub: MicromentorGlobal = (...args: unknown[]) => {
    queue.push(args);
  };
  stub.q = queue;
  window.Micromentor = stub;
  return stub;
}

/** Runs one command; what it returns means nothing (`return` only ends the switch). */
function run(commands: EmbedCommands, name: unknown, args: unknown[]): unknown {
  switch (name) {
    case 'identify': {
      const [token] = args;
      if (token === null || token === undefined || typeof token === 'string')
        return commands.identify(token ?? null);
      break;
    }
    case 'open': {
      const [options] = args;
      return commands.open(options && typeof options === 'object' ? (options as OpenOptions) : undefined);
    }
    case 'on': {
      const [event, listener] = args;
      if (typeof event === 'string' && typeof listener === 'function')
        commands.on(event, listener as EventListener);
      else console.warn('Micromentor: on expects an event name and a function.');
      return;
    }
    case 'tokenProvider': {
      const [provider] = args;
      if (provider === undefined || provider === null || typeof provider === 'function')
        return commands.tokenProvider((provider ?? undefined) as UserTokenProvider | undefined);
      break;
    }
    case 'close':
      return commands.close();
  }
  // Unknown command, or arguments of the wrong kind (see the README for each command).
  console.warn('Micromentor?', name, ...args);
}

/** Replaces the stub with the live API, then replays what was queued, in order. */
export function installCommands(stub: MicromentorGlobal, commands: EmbedCommands): MicromentorGlobal {
  const api: MicromentorGlobal = (command: string, ...args: unknown[]) => run(commands, command, args);
  api.loaded = true;
  const queued = stub.q ?? [];
  stub.q = [];
  window.Micromentor = api;
  for (const call of queued) {
    const [name, ...args] = Array.from(call);
    run(commands, name, args);
  }
  return api;
}
