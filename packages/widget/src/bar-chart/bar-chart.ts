import { MmBarChart } from './bar-chart.component.js';

export type { BarDatum } from './bar-chart.component.js';
export { MmBarChart };

if (!customElements.get('mm-bar-chart')) customElements.define('mm-bar-chart', MmBarChart);

declare global {
  interface HTMLElementTagNameMap {
    'mm-bar-chart': MmBarChart;
  }
}
