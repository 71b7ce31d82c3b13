import { MmThreadView } from './thread-view.component.js';

export { MmThreadView };

if (!customElements.get('mm-thread-view')) customElements.define('mm-thread-view', MmThreadView);

declare global {
  interface HTMLElementTagNameMap {
    'mm-thread-view': MmThreadView;
  }
}
