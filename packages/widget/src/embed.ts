// Script-tag entry, the loader (dist/widget.js, one small IIFE without Lit):
//   <script src="https://HOST/widget.js" data-key="pk_…" async></script>
// It reads its tag, runs queued commands and draws the launcher; the learner flow
// (flow-entry.ts, dist/ask-expert.<hash>.js) is loaded when needed (embed/launcher.ts).
import { ensureStub, installCommands } from './embed/command-queue.js';
import { mountEmbed } from './embed/launcher.js';
import { findOwnScript, readScriptConfig } from './embed/script-config.js';

function bootstrap(): void {
  const stub = ensureStub();
  if (stub.loaded) return;
  // Read now: `document.currentScript` is gone once this script's synchronous run ends.
  const script = findOwnScript();
  const config = script && readScriptConfig(script);
  if (!config) {
    console.error('Micromentor: add data-key="pk_…" to the widget <script> tag.');
    return;
  }
  stub.loaded = true;
  const bundleBase = script.src || document.baseURI;
  const start = (): void => {
    installCommands(stub, mountEmbed(config, bundleBase));
  };
  if (document.body) start();
  else document.addEventListener('DOMContentLoaded', start, { once: true });
}

bootstrap();
