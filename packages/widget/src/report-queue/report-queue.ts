import { MmReportQueue } from './report-queue.component.js';

export { MmReportQueue };

if (!customElements.get('mm-report-queue')) customElements.define('mm-report-queue', MmReportQueue);

declare global {
  interface HTMLElementTagNameMap {
    'mm-report-queue': MmReportQueue;
  }
}
