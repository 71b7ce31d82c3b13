import { MmActionItems } from './action-items.component.js';

export { MmActionItems };

if (!customElements.get('mm-action-items')) customElements.define('mm-action-items', MmActionItems);

declare global {
  interface HTMLElementTagNameMap {
    'mm-action-items': MmActionItems;
  }
}
