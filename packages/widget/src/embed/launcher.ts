import type { UserTokenProvider } from '@micromentor/sdk';
import type { MmAskExpert } from '../ask-expert/ask-expert.component.js';
import type { EmbedCommands } from './command-queue.js';
import type { EmbedConfig } from './script-config.js';
import { addStub } from './stub-launcher.js';

/** The learner flow's file beside widget.js, content-hashed; the build writes its name in. */
declare const __MM_FLOW_FILE__: string;

const FLOW_ELEMENT = 'mm-ask-expert';

/** The elements with a bundle of their own beside widget.js, loaded only where one appears. */
const BUNDLES: Record<string, string> = {
  'mm-mentor-console': 'mentor-console.js',
  'mm-admin-console': 'admin-console.js',
  'mm-follow-up': 'follow-up.js',
  'mm-leaderboard': 'follow-up.js',
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
  const flowUrl = new URL(__MM_FLOW_FILE__, bundleBase).href;
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
    } else if (BUNDLES[name] && !customElements.get(name) && !loaded.has(BUNDLES[name])) {
      loaded.add(BUNDLES[name]);
      const script = document.createElement('script');
      script.src = new URL(BUNDLES[name], bundleBase).href;
      document.head.append(script);
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
      const link = document.createElement('link');
      link.rel = 'modulepreload';
      link.href = flowUrl;
      document.head.append(link);
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
