import { define } from '../internal/define.js';
import { MmBarChart } from './bar-chart.component.js';

export type { BarDatum } from './bar-chart.component.js';
export { MmBarChart };
export default MmBarChart;

define('mm-bar-chart', MmBarChart);
