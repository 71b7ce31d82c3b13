import { MmAdminConsole } from './admin-console.component.js';

export { MmAdminConsole };

if (!customElements.get('mm-admin-console')) customElements.define('mm-admin-console', MmAdminConsole);

declare global {
  interface HTMLElementTagNameMap {
    'mm-admin-console': MmAdminConsole;
  }
}
