// A panel drawn inside a themed element (a console, the follow-up) takes that theme: with
// theme="dark" on the console and a light system, its panels' text must be the dark theme's
// light foreground, not the light theme's dark grey on the console's dark background.

import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { css, LitElement } from 'lit';
import '../advisor-board/advisor-board.js';
import type { MmAdvisorBoard } from '../advisor-board/advisor-board.component.js';
import { DARK_TOKENS, LIGHT_TOKENS } from '../styles/launcher.js';
import { fakeApi, json } from '../test-support/fake-api.js';
import { followUpApi } from './follow-up-api.js';

/** The colour a theme's foreground token resolves to (`#f3f4f6` → `rgb(243, 244, 246)`). */
function foreground(tokens: string): string {
  const hex = /--_fg:var\(--mm-foreground,#([0-9a-f]{6})\)/.exec(tokens)![1]!;
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** A stand-in for a console: a themed element whose shadow root holds a panel. */
class ThemedHolder extends LitElement {
  static override properties = { theme: { reflect: true }, api: { attribute: false } };
  static override styles = css`
    :host {
      display: block;
    }
  `;
  theme = '';
  api: ReturnType<typeof followUpApi> | null = null;

  override render() {
    return html`<mm-advisor-board locale="en" .api=${this.api}></mm-advisor-board>`;
  }
}
customElements.define('test-themed-holder', ThemedHolder);

describe('theme inheritance of nested panels', () => {
  beforeEach(() => emulateMedia({ colorScheme: 'light' }));
  afterEach(() => emulateMedia({ colorScheme: 'no-preference' }));

  it('a panel drawn inside a dark element is dark on a light system', async () => {
    const { client } = fakeApi({ 'GET /v1/me/board': () => json(200, { data: [] }) });
    const holder = await fixture<ThemedHolder>(
      html`<test-themed-holder theme="dark" .api=${followUpApi(client)}></test-themed-holder>`,
    );
    const board = holder.shadowRoot!.querySelector<MmAdvisorBoard>('mm-advisor-board')!;
    await waitUntil(() => board.shadowRoot!.querySelector('h3'), 'board drawn');
    expect(board.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(board).color).to.equal(foreground(DARK_TOKENS));
  });

  it('a console (an ApiElement) hands a later theme change down to the panels it drew', async () => {
    const { client } = fakeApi({ 'GET /v1/me/board': () => json(200, { data: [] }) });
    const outer = await fixture<MmAdvisorBoard>(
      html`<mm-advisor-board locale="en" theme="dark" .api=${followUpApi(client)}></mm-advisor-board>`,
    );
    await waitUntil(() => outer.shadowRoot!.querySelector('h3'), 'drawn');
    // Draw a panel inside it, as a console draws its tabs' panels.
    const inner = document.createElement('mm-advisor-board') as MmAdvisorBoard;
    inner.api = followUpApi(client);
    outer.shadowRoot!.append(inner);
    await waitUntil(() => inner.shadowRoot!.querySelector('h3'), 'inner drawn');
    expect(inner.theme).to.equal('dark');
    expect(getComputedStyle(inner).color).to.equal(foreground(DARK_TOKENS));
    outer.theme = 'light';
    await outer.updateComplete;
    expect(inner.theme).to.equal('light');
    await inner.updateComplete;
    expect(getComputedStyle(inner).color).to.equal(foreground(LIGHT_TOKENS));
  });
});
