import { css } from 'lit';

export const barChartStyles = css`
  :host {
    display: block;
  }
  figure {
    margin: 0 0 var(--_s4);
  }
  figcaption {
    font-weight: 600;
    margin-bottom: var(--_s1);
  }
  svg {
    width: 100%;
    height: auto;
    max-height: 220px;
  }
  rect {
    /* The holder's theme accent (custom properties cross the shadow root), readable in dark mode. */
    fill: var(--_a, var(--mm-accent, #4338ca));
  }
  text {
    font: 10px system-ui, sans-serif;
    fill: currentColor;
  }
  table {
    border-collapse: collapse;
    font-size: var(--_sm);
  }
  th,
  td {
    text-align: start;
    padding: 2px var(--_s3) 2px 0;
  }
`;
