import { MmSessionReport } from './session-report.component.js';

export { MmSessionReport };

if (!customElements.get('mm-session-report')) customElements.define('mm-session-report', MmSessionReport);

declare global {
  interface HTMLElementTagNameMap {
    'mm-session-report': MmSessionReport;
  }
}
