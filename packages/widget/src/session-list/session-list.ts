import { MmSessionList } from './session-list.component.js';

export { MmSessionList };

if (!customElements.get('mm-session-list')) customElements.define('mm-session-list', MmSessionList);

declare global {
  interface HTMLElementTagNameMap {
    'mm-session-list': MmSessionList;
  }
}
