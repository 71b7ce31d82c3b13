import { expect, fixture, html } from '@open-wc/testing';
import type { BarDatum, MmBarChart } from './bar-chart.js';
import './bar-chart.js';

const data: BarDatum[] = [
  { label: '2026-11-16', value: 10 },
  { label: '2026-11-23', value: 40 },
  { label: '2026-11-30', value: 0 },
];

describe('<mm-bar-chart>', () => {
  it('draws one bar per datum, scaled to the largest, named by its caption, with the numbers in a table', async () => {
    const el = await fixture<MmBarChart>(
      html`<mm-bar-chart
        caption="Requests per week"
        label-header="Week"
        value-header="Requests"
        .data=${data}
        .format=${(v: number) => `${v} req`}
      ></mm-bar-chart>`,
    );
    const root = el.shadowRoot!;
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(root.getElementById(svg.getAttribute('aria-labelledby')!)!.textContent).to.equal(
      'Requests per week',
    );
    const heights = Array.from(svg.querySelectorAll('rect')).map((r) => Number(r.getAttribute('height')));
    expect(heights).to.have.length(3);
    expect(heights[1]).to.be.greaterThan(heights[0]!);
    expect(heights[1]! / heights[0]!).to.be.closeTo(4, 0.001);
    expect(heights[2]).to.equal(0);
    const rows = Array.from(root.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.children).map((c) => c.textContent),
    );
    expect(rows).to.deep.equal([
      ['2026-11-16', '10 req'],
      ['2026-11-23', '40 req'],
      ['2026-11-30', '0 req'],
    ]);
    expect(Array.from(root.querySelectorAll('thead th')).map((th) => th.textContent)).to.deep.equal([
      'Week',
      'Requests',
    ]);
    expect(root.querySelector('details')!.open).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('gives two charts on one page different caption ids', async () => {
    const box = await fixture<HTMLElement>(
      html`<div><mm-bar-chart caption="A" .data=${data}></mm-bar-chart><mm-bar-chart caption="B" .data=${data}></mm-bar-chart></div>`,
    );
    const charts = Array.from(box.querySelectorAll<MmBarChart>('mm-bar-chart'));
    await Promise.all(charts.map((c) => c.updateComplete));
    const ids = charts.map((c) => c.shadowRoot!.querySelector('svg')!.getAttribute('aria-labelledby'));
    expect(ids[0]).to.not.equal(ids[1]);
  });
});
