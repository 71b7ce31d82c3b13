import { MmProgramAnalytics } from './program-analytics.component.js';

export { MmProgramAnalytics };

if (!customElements.get('mm-program-analytics'))
  customElements.define('mm-program-analytics', MmProgramAnalytics);

declare global {
  interface HTMLElementTagNameMap {
    'mm-program-analytics': MmProgramAnalytics;
  }
}
