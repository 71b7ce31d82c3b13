import type { UserTokenProvider } from '@micromentor/sdk';
import type { MmAskExpert } from '../ask-expert/ask-expert.component.js';
import type { EmbedCommands } from './command-queue.js';
import type { EmbedConfig } from './script-config.js';
import { addStub } from './stub-launcher.js';

/**
 * The entries of the pages build beside widget.js (build/bundle-files.ts), entry name → its
 * content-hashed file: ES modules sharing their Lit and SDK chunks. The build writes them in.
 */
declare const __MM_BUNDLES__: Readonly<Record<string, string>>;
/** The learner flow's entry and the chunks it imports statically, preloaded when the page is idle. */
declare const __MM_FLOW_FILES__: readonly string[];

const FLOW_ELEMENT = 'mm-ask-expert';

/** The elements with an entry of their own, imported only where one appears. */
const BUNDLES: Record<string, string> = {
  'mm-mentor-console': 'mentor-console',
  'mm-admin-console': 'admin-console',
  'mm-follow-up': 'follow-up',
  'mm-leaderboard': 'follow-up',
};

/** The learner widget, then every element with a bundle of its own. */
const ALL = [FLOW_ELEMENT, ...Object.keys(BUNDLES)].join(',');

/** Property → the attribute that sets it: a value the page wrote in the markup wins. */
const DEFAULTS = {
  publishableKey: 'publishable-key',
  apiBase: 'api-base',
  userToken: 'user-token',
  theme: 'theme',
  locale: 'locale',
} as const;

function widgets(): MmAskExpert[] {
  return Array.from(document.querySelectorAll(FLOW_ELEMENT));
}

function whenIdle(run: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 200);
}

/**
 * Appends the floating launcher (unless disabled), gives inline `<mm-ask-expert>` elements and
 * the consoles — present now or added later — the script tag's key, API and user token where
 * they set none of their own (loading a console's bundle the first time one appears), and
 * returns the commands that drive the page's widgets.
 *
 * The learner flow itself is not in widget.js: until it is loaded, each `<mm-ask-expert>` shows
 * a stand-in launcher. The flow is preloaded when the page is idle after `load`, loaded when
 * the learner points at or focuses a launcher, and at the latest when one is clicked.
 */
export function mountEmbed(config: EmbedConfig, bundleBase: string): EmbedCommands {
  let userToken = config.userToken;
  let tokenProvider: UserTokenProvider | undefined;
  let launcher: MmAskExpert | null = null;
  // Absolute: a module imported from here resolves against the host page, not widget.js; the
  // entries' own imports of their chunks resolve against the entry's URL.
  const entryUrl = (entry: string): string => new URL(__MM_BUNDLES__[entry]!, bundleBase).href;
  const flowUrl = entryUrl('ask-expert');
  let flow: Promise<unknown> | undefined;

  const loadFlow = (): Promise<unknown> => {
    flow ??= import(/* @vite-ignore */ flowUrl).then(
      () => customElements.whenDefined(FLOW_ELEMENT),
      (error: unknown) => {
        flow = undefined; // a later click tries again
        console.error('Micromentor: could not load the widget.', error);
        throw error;
      },
    );
    return flow;
  };

  const open = async (widget: MmAskExpert): Promise<void> => {
    await loadFlow();
    await widget.show();
  };

  const configure = (widget: MmAskExpert): void => {
    for (const [property, attribute] of Object.entries(DEFAULTS) as [keyof typeof DEFAULTS, string][]) {
      if (widget[property] || widget.hasAttribute(attribute)) continue;
      const value = property === 'userToken' ? userToken : config[property];
      if (value) widget[property] = value;
    }
    widget.tokenProvider ??= tokenProvider;
    const name = widget.localName;
    if (name === FLOW_ELEMENT) {
      addStub(widget, config, {
        intent: () => void loadFlow().catch(() => {}),
        open: () => void open(widget).catch(() => {}),
      });
    } else {
      const entry = BUNDLES[name];
      if (!entry || customElements.get(name) || loaded.has(entry)) return;
      loaded.add(entry);
      import(/* @vite-ignore */ entryUrl(entry)).catch((error: unknown) => {
        loaded.delete(entry); // the next such element tries again
        console.error('Micromentor: could not load the widget.', error);
      });
    }
  };
  const loaded = new Set<string>();
  for (const widget of document.querySelectorAll(ALL)) configure(widget as MmAskExpert);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(ALL)) configure(node as MmAskExpert);
        for (const inner of node.querySelectorAll(ALL)) configure(inner as MmAskExpert);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  if (config.launcher) {
    launcher = document.createElement(FLOW_ELEMENT) as MmAskExpert;
    launcher.setAttribute('floating', '');
    if (config.position) launcher.setAttribute('position', config.position);
    configure(launcher);
    document.body.append(launcher);
  }

  // Fetched (not run) once the page is idle, so opening later is instant.
  const preload = (): void =>
    whenIdle(() => {
      if (customElements.get(FLOW_ELEMENT)) return;
      for (const file of __MM_FLOW_FILES__) {
        const link = document.createElement('link');
        link.rel = 'modulepreload';
        link.href = new URL(file, bundleBase).href;
        document.head.append(link);
      }
    });
  if (document.readyState === 'complete') preload();
  else window.addEventListener('load', preload, { once: true });

  return {
    identify(token) {
      userToken = token ?? '';
      for (const widget of document.querySelectorAll(ALL)) (widget as MmAskExpert).userToken = userToken;
    },
    open(options) {
      const widget = launcher ?? widgets()[0];
      if (!widget) return;
      if (typeof options?.topic === 'string') widget.topic = options.topic;
      void open(widget).catch(() => {});
    },
    close() {
      for (const widget of widgets()) if (customElements.get(FLOW_ELEMENT)) void widget.hide();
    },
    on(name, listener) {
      document.addEventListener(`mm-${name.replace(/^mm-/, '')}`, (event) =>
        listener((event as CustomEvent).detail, event),
      );
    },
    tokenProvider(provider) {
      tokenProvider = provider;
      for (const widget of document.querySelectorAll(ALL)) (widget as MmAskExpert).tokenProvider = provider;
    },
  };
}
