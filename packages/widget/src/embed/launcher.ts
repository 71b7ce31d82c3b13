import type { UserTokenProvider } from '@micromentor/sdk';
import type { MmAskExpert } from '../ask-expert/ask-expert.component.js';
import type { EmbedCommands } from './command-queue.js';
import type { EmbedConfig } from './script-config.js';

function widgets(): MmAskExpert[] {
  return Array.from(document.querySelectorAll('mm-ask-expert'));
}

/**
 * The learner widget, then the elements with a bundle of their own beside widget.js
 * (`<mm-x>` → `x.js`), loaded only where one appears.
 */
const ALL = 'mm-ask-expert,mm-mentor-console,mm-admin-console,mm-follow-up';

/**
 * Appends the floating launcher (unless disabled), gives inline `<mm-ask-expert>` elements and
 * the consoles — present now or added later — the script tag's key, API and user token where
 * they set none of their own (loading a console's bundle the first time one appears), and
 * returns the commands that drive the page's widgets.
 */
export function mountEmbed(config: EmbedConfig, bundleBase: string): EmbedCommands {
  let userToken = config.userToken;
  let tokenProvider: UserTokenProvider | undefined;
  let launcher: MmAskExpert | null = null;
  const configure = (widget: MmAskExpert): void => {
    widget.publishableKey ||= config.publishableKey;
    widget.apiBase ||= config.apiBase;
    widget.userToken ||= userToken;
    widget.theme ||= config.theme;
    widget.locale ||= config.locale;
    widget.tokenProvider ??= tokenProvider;
    const name = widget.localName;
    if (name !== 'mm-ask-expert' && !customElements.get(name) && !loaded.has(name)) {
      loaded.add(name);
      const script = document.createElement('script');
      script.src = new URL(`${name.slice(3)}.js`, bundleBase).href;
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
    launcher = document.createElement('mm-ask-expert');
    launcher.floating = true;
    launcher.position = config.position;
    configure(launcher);
    document.body.append(launcher);
  }
  return {
    identify(token) {
      userToken = token ?? '';
      for (const widget of document.querySelectorAll(ALL)) (widget as MmAskExpert).userToken = userToken;
    },
    open(options) {
      const widget = launcher ?? widgets()[0];
      if (!widget) return;
      if (typeof options?.topic === 'string') widget.topic = options.topic;
      void widget.show();
    },
    close() {
      for (const widget of widgets()) void widget.hide();
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
