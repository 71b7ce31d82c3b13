import { css } from 'lit';

// The admin console's lists and figures: a filter bar, compact rows with detail on demand,
// paging, KPI cards, chart boxes and their empty and loading states. Colours come from the
// theme tokens only, so every part reads in dark mode too.
export const adminStyles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2) var(--_s3);
    align-items: end;
    margin: 0 0 var(--_s3);
  }

  .toolbar label {
    flex: 1 1 160px;
    max-width: 280px;
  }

  select {
    background: var(--_bg);
    color: var(--_fg);
  }

  ul.rows {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
  }

  ul.rows > li {
    padding: var(--_s3) var(--_s4);
  }

  ul.rows > li + li {
    border-top: 1px solid var(--_dv);
  }

  .summary {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s1) var(--_s3);
    align-items: baseline;
  }

  .summary h4 {
    margin: 0;
    font-size: 1em;
    flex: 0 1 auto;
  }

  .disclosure {
    border: 0;
    background: none;
    padding: 2px 0;
    font-weight: 600;
    text-align: start;
    color: var(--_fg);
  }

  .disclosure::before {
    content: '▸';
    display: inline-block;
    width: 1.1em;
    color: var(--_mu);
    transition: transform var(--_d) var(--_ez);
  }

  .disclosure[aria-expanded='true']::before {
    transform: rotate(90deg);
  }

  .facts {
    color: var(--_mu);
    font-size: var(--_sm);
    margin: 0;
  }

  .badge {
    display: inline-block;
    border: 1px solid var(--_bd);
    border-radius: 999px;
    padding: 0 var(--_s2);
    font-size: var(--_xs);
    color: var(--_fg);
  }

  .badge.alert {
    border-color: var(--_er);
    color: var(--_er);
  }

  .chips {
    display: inline-flex;
    flex-wrap: wrap;
    gap: var(--_s1);
    list-style: none;
    margin: 0;
    padding: 0;
  }

  .chips li {
    font-size: var(--_xs);
    border-radius: 999px;
    padding: 0 var(--_s2);
    background: color-mix(in srgb, var(--_a) 14%, var(--_bg));
    color: var(--_fg);
  }

  .detail {
    margin: var(--_s2) 0 var(--_s1) 1.1em;
    display: grid;
    gap: var(--_s2);
  }

  .detail p {
    margin: 0;
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    align-items: center;
    justify-content: space-between;
    margin-top: var(--_s3);
  }

  .muted {
    color: var(--_mu);
  }

  .ok {
    color: var(--_fg);
  }

  .kpi-group h4 {
    margin: var(--_s4) 0 var(--_s2);
    font-size: var(--_sm);
    color: var(--_mu);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }

  .kpis {
    list-style: none;
    margin: 0 0 var(--_s4);
    padding: 0;
    display: grid;
    /* auto-fit: a group's cards share the whole row. */
    grid-template-columns: repeat(auto-fit, minmax(220px, 1fr));
    gap: var(--_s3);
  }

  .kpi {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    padding: var(--_s3) var(--_s4);
    background: color-mix(in srgb, var(--_a) 5%, var(--_bg));
    display: flex;
    flex-direction: column;
    gap: 2px;
    box-sizing: border-box;
  }

  .kpi .label {
    font-size: var(--_sm);
    font-weight: 600;
    margin: 0;
  }

  .kpi .figure {
    font-size: calc(1.25 * var(--_2xl));
    font-weight: 700;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    margin: 0;
  }

  .kpi .explain {
    color: var(--_mu);
    font-size: var(--_sm);
    margin: 0;
  }

  .charts {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 340px), 1fr));
    gap: var(--_s4);
    align-items: start;
  }

  .chart-empty {
    margin: 0;
    border: 1px dashed var(--_bd);
    border-radius: var(--_r);
    padding: var(--_s4);
    min-height: 72px;
    display: grid;
    align-content: center;
    gap: var(--_s1);
  }

  .chart-empty h4 {
    margin: 0;
    font-size: 1em;
  }

  .chart-empty p {
    margin: 0;
    color: var(--_mu);
  }

  .skeleton-line {
    display: block;
    height: 0.9em;
    margin: var(--_s2) 0;
    border-radius: var(--_rs);
    background: color-mix(in srgb, var(--_fg) 14%, var(--_bg));
  }

  @media (max-width: 480px) {
    .kpis {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_s2);
    }

    .kpi {
      padding: var(--_s3);
      min-height: 0;
    }

    .kpi .figure {
      font-size: var(--_2xl);
    }
  }
`;
