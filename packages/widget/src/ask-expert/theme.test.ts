import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { MmAskExpert } from './ask-expert.js';
import './ask-expert.js';

// Colours are compared as the computed rgb() strings Chromium reports.
const DARK_BG = 'rgb(17, 24, 39)';
const LIGHT_BG = 'rgb(255, 255, 255)';

async function open(el: MmAskExpert): Promise<HTMLDialogElement> {
  const opened = oneEvent(el, 'mm-open');
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="launcher"]')!.click();
  await opened;
  const form = el.shadowRoot!.querySelector('mm-request-form')!;
  await form.updateComplete;
  return el.shadowRoot!.querySelector('dialog')!;
}

function titleInput(el: MmAskExpert): HTMLInputElement {
  return el.shadowRoot!.querySelector('mm-request-form')!.shadowRoot!.querySelector('#title')!;
}

describe('<mm-ask-expert> theming', () => {
  afterEach(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600 });
  });

  it('is light by default', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert locale="en"></mm-ask-expert>`);
    const panel = await open(el);
    expect(getComputedStyle(panel).backgroundColor).to.equal(LIGHT_BG);
    expect(getComputedStyle(titleInput(el)).backgroundColor).to.equal(LIGHT_BG);
  });

  it('is dark with theme="dark", steps included, and passes axe (contrast) in dark', async () => {
    const dark = await fixture<MmAskExpert>(html`<mm-ask-expert locale="en" theme="dark"></mm-ask-expert>`);
    const panel = await open(dark);
    expect(getComputedStyle(panel).backgroundColor).to.equal(DARK_BG);
    expect(getComputedStyle(panel).color).to.equal('rgb(243, 244, 246)');
    expect(dark.shadowRoot!.querySelector('mm-request-form')!.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(titleInput(dark)).backgroundColor).to.equal(DARK_BG);
    // axe checks colour contrast: the dark palette must pass it too.
    await expect(dark).to.be.accessible();
  });

  it('follows prefers-color-scheme unless theme="light"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await fixture<MmAskExpert>(html`<mm-ask-expert theme="auto"></mm-ask-expert>`);
    expect(getComputedStyle(await open(auto)).backgroundColor).to.equal(DARK_BG);
    await expect(auto).to.be.accessible();
    const light = await fixture<MmAskExpert>(html`<mm-ask-expert theme="light"></mm-ask-expert>`);
    expect(getComputedStyle(await open(light)).backgroundColor).to.equal(LIGHT_BG);
  });

  it('takes every colour, the radius and the font from the documented custom properties', async () => {
    const el = await fixture<MmAskExpert>(html`
      <mm-ask-expert
        theme="dark"
        style="--mm-background: rgb(1, 2, 3); --mm-foreground: rgb(250, 250, 240); --mm-border: rgb(9, 9, 9);
               --mm-accent: rgb(200, 0, 100); --mm-accent-foreground: rgb(0, 0, 1); --mm-radius: 3px;
               --mm-font-family: monospace"
      ></mm-ask-expert>
    `);
    const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="launcher"]')!;
    expect(getComputedStyle(launcher).backgroundColor).to.equal('rgb(200, 0, 100)');
    expect(getComputedStyle(launcher).color).to.equal('rgb(0, 0, 1)');
    expect(getComputedStyle(launcher).borderTopLeftRadius).to.equal('3px');
    expect(getComputedStyle(launcher).fontFamily).to.equal('monospace');
    const panel = await open(el);
    expect(getComputedStyle(panel).backgroundColor).to.equal('rgb(1, 2, 3)');
    const input = titleInput(el);
    expect(getComputedStyle(input).color).to.equal('rgb(250, 250, 240)');
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(9, 9, 9)');
  });

  it('exposes launcher, panel and buttons as ::part()s to the page', async () => {
    const style = document.createElement('style');
    style.textContent =
      '.parts::part(launcher) { outline-color: rgb(1, 1, 1); }' +
      '.parts::part(panel) { outline-color: rgb(2, 2, 2); }' +
      '.parts::part(submit-button) { outline-color: rgb(3, 3, 3); }';
    document.head.append(style);
    try {
      const el = await fixture<MmAskExpert>(html`<mm-ask-expert class="parts"></mm-ask-expert>`);
      const panel = await open(el);
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="launcher"]')!).outlineColor).to.equal(
        'rgb(1, 1, 1)',
      );
      expect(getComputedStyle(panel).outlineColor).to.equal('rgb(2, 2, 2)');
      const submit = el
        .shadowRoot!.querySelector('mm-request-form')!
        .shadowRoot!.querySelector('[part~="submit-button"]')!;
      expect(getComputedStyle(submit).outlineColor).to.equal('rgb(3, 3, 3)');
    } finally {
      style.remove();
    }
  });

  it('fills the screen under 480 px wide', async () => {
    await setViewport({ width: 400, height: 700 });
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    const rect = (await open(el)).getBoundingClientRect();
    expect([rect.left, rect.top, rect.width, rect.height]).to.deep.equal([0, 0, 400, 700]);
    await setViewport({ width: 800, height: 600 });
    const wide = (
      await open(await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`))
    ).getBoundingClientRect();
    expect(wide.width).to.be.lessThan(800);
  });
});
