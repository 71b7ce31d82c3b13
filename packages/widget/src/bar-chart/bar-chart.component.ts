import { html, LitElement, nothing, svg } from 'lit';
import { property } from 'lit/decorators.js';
import { barChartStyles } from './bar-chart.styles.js';

export interface BarDatum {
  label: string;
  value: number;
}

let counter = 0;

/**
 * @tagname mm-bar-chart
 * @summary An accessible bar chart: an SVG (role `img`, named by its caption) with the same
 * numbers in a table behind a disclosure, so screen-reader and keyboard users get the data.
 *
 * @csspart chart - The SVG.
 * @csspart table - The data table.
 * @cssproperty --mm-accent - Bar colour. Default `#4338ca`.
 */
export class MmBarChart extends LitElement {
  static override styles = barChartStyles;

  /** The chart's caption (also its accessible name). */
  @property() caption = '';
  @property({ attribute: false }) data: BarDatum[] = [];
  /** Header of the label column in the data table. */
  @property({ attribute: 'label-header' }) labelHeader = '';
  @property({ attribute: 'value-header' }) valueHeader = '';
  @property({ attribute: 'table-summary' }) tableSummary = 'Show the data';
  /** How values are shown in the table and on the bars. */
  @property({ attribute: false }) format: (value: number) => string = (v) => String(v);

  #id = `mm-chart-${++counter}`;

  override render() {
    const max = Math.max(1, ...this.data.map((d) => d.value));
    const width = 600;
    const height = 200;
    const band = this.data.length ? width / this.data.length : width;
    const barWidth = Math.max(2, band * 0.7);
    const showLabels = this.data.length <= 14;
    return html`<figure>
      <figcaption id=${this.#id}>${this.caption}</figcaption>
      <svg part="chart" role="img" aria-labelledby=${this.#id} viewBox="0 0 ${width} ${height + 20}">
        ${this.data.map((d, i) => {
          const h = (d.value / max) * (height - 16);
          const x = i * band + (band - barWidth) / 2;
          return svg`<rect x=${x} y=${height - h} width=${barWidth} height=${h}></rect>
            ${showLabels ? svg`<text x=${x + barWidth / 2} y=${height - h - 3} text-anchor="middle">${this.format(d.value)}</text>` : nothing}
            ${showLabels ? svg`<text x=${x + barWidth / 2} y=${height + 14} text-anchor="middle">${d.label.slice(0, 10)}</text>` : nothing}`;
        })}
      </svg>
      <details>
        <summary>${this.tableSummary}</summary>
        <table part="table">
          <caption>${this.caption}</caption>
          <thead>
            <tr><th scope="col">${this.labelHeader}</th><th scope="col">${this.valueHeader}</th></tr>
          </thead>
          <tbody>
            ${this.data.map((d) => html`<tr><th scope="row">${d.label}</th><td>${this.format(d.value)}</td></tr>`)}
          </tbody>
        </table>
      </details>
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-bar-chart': MmBarChart;
  }
}
