import type { MmAskExpert } from '../ask-expert/ask-expert.component.js';
import type { EmbedCommands } from './command-queue.js';
import type { EmbedConfig } from './script-config.js';

function widgets(): MmAskExpert[] {
  return Array.from(document.querySelectorAll('mm-ask-expert'));
}

/**
 * Appends the floating launcher (unless disabled), gives inline `<mm-ask-expert>` elements —
 * present now or added later — the script tag's key, API and user token where they set none
 * of their own, and returns the commands that drive the page's widgets.
 */
export function mountEmbed(config: EmbedConfig): EmbedCommands {
  let userToken = config.userToken;
  let launcher: MmAskExpert | null = null;
  const configure = (widget: MmAskExpert): void => {
    if (!widget.publishableKey) widget.publishableKey = config.publishableKey;
    if (!widget.apiBase) widget.apiBase = config.apiBase;
    if (!widget.userToken && userToken) widget.userToken = userToken;
  };
  for (const widget of widgets()) configure(widget);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.localName === 'mm-ask-expert') configure(node as MmAskExpert);
        for (const inner of node.querySelectorAll('mm-ask-expert')) configure(inner as MmAskExpert);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  if (config.launcher) {
    launcher = document.createElement('mm-ask-expert');
    launcher.floating = true;
    launcher.publishableKey = config.publishableKey;
    launcher.apiBase = config.apiBase;
    launcher.userToken = userToken;
    document.body.append(launcher);
  }
  return {
    identify(token) {
      userToken = token ?? '';
      for (const widget of widgets()) widget.userToken = userToken;
    },
    open() {
      void (launcher ?? widgets()[0])?.show();
    },
    close() {
      for (const widget of widgets()) void widget.hide();
    },
  };
}
