import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmAskExpert } from './ask-expert.js';
import './ask-expert.js';

// Assertions compare strings and booleans, never DOM nodes: when one fails, the runner tries
// to serialise both sides and a node drags in the whole document, stalling the file.

function parts(el: MmAskExpert) {
  const root = el.shadowRoot!;
  return {
    launcher: root.querySelector<HTMLButtonElement>('[part~="launcher"]')!,
    panel: root.querySelector<HTMLDialogElement>('[part~="panel"]')!,
    closeButton: root.querySelector<HTMLButtonElement>('[part~="close-button"]')!,
  };
}

/** The focused part inside the shadow root, as text (see the note on DOM nodes in assertions). */
function focusedPart(el: MmAskExpert): string | null {
  const active = el.shadowRoot!.activeElement;
  return active ? (active.getAttribute('part') ?? active.localName) : null;
}

async function openByClick(el: MmAskExpert): Promise<void> {
  const opened = oneEvent(el, 'mm-open');
  parts(el).launcher.click();
  await opened;
}

describe('<mm-ask-expert>', () => {
  it('renders an "Ask an expert" launcher and a closed panel', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    const { launcher, panel } = parts(el);
    expect(launcher).to.exist;
    expect(launcher.textContent?.trim()).to.equal('Ask an expert');
    expect(launcher.getAttribute('aria-haspopup')).to.equal('dialog');
    expect(panel.open).to.be.false;
    expect(el.open).to.be.false;
  });

  it('opens the panel on click and fires a bubbling, composed mm-open', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert topic="sql-joins"></mm-ask-expert>`);
    const opened = oneEvent(document, 'mm-open');
    parts(el).launcher.click();
    const event = await opened;
    expect(event.bubbles).to.be.true;
    expect(event.composed).to.be.true;
    expect(event.detail).to.deep.equal({ topic: 'sql-joins' });
    expect(parts(el).panel.open).to.be.true;
    expect(el.open).to.be.true;
    expect(parts(el).panel.textContent).to.contain("Describe what you're stuck on…");
  });

  it('closes on Escape, fires mm-close and returns focus to the launcher', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    await openByClick(el);
    const closed = oneEvent(el, 'mm-close');
    await sendKeys({ press: 'Escape' });
    const event = await closed;
    expect(event.detail).to.deep.equal({ reason: 'escape' });
    expect(parts(el).panel.open).to.be.false;
    expect(focusedPart(el)).to.equal('launcher');
    expect(document.activeElement === el, 'the element holds the page focus').to.be.true;
  });

  it('closes with the Close button, fires mm-close and returns focus to the launcher', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    await openByClick(el);
    const closed = oneEvent(el, 'mm-close');
    parts(el).closeButton.click();
    expect((await closed).detail).to.deep.equal({ reason: 'close-button' });
    expect(parts(el).panel.open).to.be.false;
    expect(focusedPart(el)).to.equal('launcher');
  });

  it('opens and closes from show() and hide()', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
    const opened = oneEvent(el, 'mm-open');
    await el.show();
    await opened;
    const closed = oneEvent(el, 'mm-close');
    await el.hide();
    expect((await closed).detail).to.deep.equal({ reason: 'api' });
  });

  it('passes axe when closed and when open', async () => {
    const el = await fixture<MmAskExpert>(html`<mm-ask-expert topic="sql-joins"></mm-ask-expert>`);
    await expect(el).to.be.accessible();
    await openByClick(el);
    await expect(el).to.be.accessible();
  });

  it('renders a topic containing markup as text', async () => {
    const alerts: unknown[] = [];
    const originalAlert = window.alert;
    window.alert = (message?: unknown) => alerts.push(message);
    try {
      const payload = '<img src=x onerror=alert(1)>';
      const el = await fixture<MmAskExpert>(html`<mm-ask-expert></mm-ask-expert>`);
      el.setAttribute('topic', payload);
      await el.updateComplete;
      await openByClick(el);
      const root = el.shadowRoot!;
      expect(root.querySelector('img')).to.be.null;
      expect(root.querySelector('.topic')?.textContent).to.contain(payload);
      // Give a wrongly parsed <img> time to fail loading and run its handler.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alerts).to.deep.equal([]);
    } finally {
      window.alert = originalAlert;
    }
  });

  it('reads its kebab-case attributes and does not reflect the user token', async () => {
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert publishable-key="pk_test" api-base="https://api.example.test" user-token="jwt.a"></mm-ask-expert>`,
    );
    expect(el.publishableKey).to.equal('pk_test');
    expect(el.apiBase).to.equal('https://api.example.test');
    expect(el.userToken).to.equal('jwt.a');
    el.userToken = 'jwt.b';
    await el.updateComplete;
    expect(el.getAttribute('user-token')).to.equal('jwt.a');
  });

  it('takes its accent colour from --mm-accent', async () => {
    const el = await fixture<MmAskExpert>(
      html`<mm-ask-expert style="--mm-accent: rgb(200, 0, 100)"></mm-ask-expert>`,
    );
    expect(getComputedStyle(parts(el).launcher).backgroundColor).to.equal('rgb(200, 0, 100)');
  });
});
