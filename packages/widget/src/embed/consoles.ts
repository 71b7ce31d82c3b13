import type { EmbedConfig } from './script-config.js';

/** Elements with a bundle of their own, loaded only on pages (or steps) that show one. */
const BUNDLES: Record<string, string> = {
  'mm-mentor-console': 'mentor-console.js',
  'mm-admin-console': 'admin-console.js',
  'mm-follow-up': 'follow-up.js',
};

type ConsoleElement = HTMLElement & { publishableKey?: string; apiBase?: string; userToken?: string };

/**
 * Loads a console's own bundle (from beside widget.js) the first time its element appears on
 * the page, and hands every console element the script tag's key, API and user token where
 * it set none of its own. Returns a way to pass a new user token to them (`identify`).
 */
export function watchConsoles(config: EmbedConfig, bundleBase: string): { identify(token: string): void } {
  let userToken = config.userToken;
  const requested = new Set<string>();
  const configure = (el: ConsoleElement): void => {
    if (!el.publishableKey) el.publishableKey = config.publishableKey;
    if (!el.apiBase) el.apiBase = config.apiBase;
    if (!el.userToken && userToken) el.userToken = userToken;
    const file = BUNDLES[el.localName];
    if (!file || requested.has(file) || customElements.get(el.localName)) return;
    requested.add(file);
    const script = document.createElement('script');
    script.src = new URL(file, bundleBase).href;
    script.async = true;
    document.head.append(script);
  };
  const selector = Object.keys(BUNDLES).join(',');
  const scan = (root: ParentNode): void => {
    for (const el of root.querySelectorAll<ConsoleElement>(selector)) configure(el);
  };
  scan(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(selector)) configure(node as ConsoleElement);
        scan(node);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  return {
    identify(token) {
      userToken = token;
      for (const el of document.querySelectorAll<ConsoleElement>(selector)) el.userToken = token;
    },
  };
}
