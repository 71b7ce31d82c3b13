import { MmInstantHelp } from './instant-help.component.js';

export { MmInstantHelp };

if (!customElements.get('mm-instant-help')) customElements.define('mm-instant-help', MmInstantHelp);

declare global {
  interface HTMLElementTagNameMap {
    'mm-instant-help': MmInstantHelp;
  }
}
