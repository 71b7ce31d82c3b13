import type { MmAskExpert } from '../ask-expert/ask-expert.component.js';
import type { EmbedCommands } from './command-queue.js';
import type { EmbedConfig } from './script-config.js';

function widgets(): MmAskExpert[] {
  return Array.from(document.querySelectorAll('mm-ask-expert'));
}

/** Appends the floating launcher (unless disabled) and returns the commands that drive the page's widgets. */
export function mountEmbed(config: EmbedConfig): EmbedCommands {
  let userToken = config.userToken;
  let launcher: MmAskExpert | null = null;
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
