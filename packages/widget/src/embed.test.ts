// Runs the BUILT bundle (dist/widget.js, from `vite build`), not the sources: a bundler
// setting that breaks decorators or the IIFE only shows up here.
import { expect } from '@open-wc/testing';
import type { MmAskExpert } from './ask-expert/ask-expert.component.js';
import type {} from './embed/command-queue.js'; // declares window.Micromentor

const bundleUrl = new URL('../dist/widget.js', import.meta.url).href;

function loadBundle(dataset: Record<string, string>): Promise<HTMLScriptElement> {
  const script = document.createElement('script');
  script.src = bundleUrl;
  Object.assign(script.dataset, dataset);
  return new Promise((resolve, reject) => {
    script.addEventListener('load', () => resolve(script));
    script.addEventListener('error', () =>
      reject(new Error(`could not load ${bundleUrl}: run vite build first`)),
    );
    document.head.append(script);
  });
}

function launchers(doc: Document = document): MmAskExpert[] {
  return Array.from(doc.querySelectorAll('mm-ask-expert'));
}

function onlyLauncher(doc: Document = document): MmAskExpert {
  const all = launchers(doc);
  expect(all).to.have.length(1);
  return all[0]!;
}

/** The stand-in launcher widget.js draws inside a `<mm-ask-expert>` before the flow is loaded. */
function stubButton(widget: Element): HTMLButtonElement | null {
  return widget.querySelector('[slot="mm-stub"]')?.shadowRoot?.querySelector('button') ?? null;
}

function box(element: Element): { top: number; left: number; width: number; height: number } {
  const { top, left, width, height } = element.getBoundingClientRect();
  return {
    top: Math.round(top),
    left: Math.round(left),
    width: Math.round(width),
    height: Math.round(height),
  };
}

/** Points at the page's first launcher, which loads the learner flow, and waits for it. */
async function loadFlow(doc: Document): Promise<void> {
  const button = stubButton(doc.querySelector('mm-ask-expert')!);
  expect(button, 'a stand-in launcher to point at').to.exist;
  button!.dispatchEvent(new PointerEvent('pointerenter'));
  await doc.defaultView!.customElements.whenDefined('mm-ask-expert');
}

async function loadFrame(body: string): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.srcdoc = body;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  return frame.contentWindow!;
}

describe('dist/widget.js (built embed bundle)', () => {
  before(async () => {
    // A non-executable decoy that a `querySelector('script[data-key]')` fallback would pick:
    // the launcher getting the real key proves `document.currentScript` was used.
    const decoy = document.createElement('script');
    decoy.type = 'application/json';
    decoy.dataset.key = 'pk_decoy';
    decoy.setAttribute('src', '/decoy.json');
    document.head.append(decoy);

    // The exact snippet from command-queue.ts, run as a page would run it (it queues `arguments`).
    const snippet = document.createElement('script');
    snippet.textContent =
      'window.Micromentor = window.Micromentor || function () {' +
      ' (window.Micromentor.q = window.Micromentor.q || []).push(arguments); };' +
      " Micromentor('identify', 'jwt.queued');" +
      " window.__opened = []; Micromentor('on', 'open', function (detail) { window.__opened.push(detail); });" +
      " window.__provider = function () { return Promise.resolve('jwt.renewed'); };" +
      " Micromentor('tokenProvider', window.__provider);";
    document.head.append(snippet);
    expect(window.Micromentor?.q).to.have.length(3);

    await loadBundle({ key: 'pk_test_embed', userToken: 'jwt.from-attribute' });
  });

  let stubBox: ReturnType<typeof box>;

  it('draws a stand-in launcher without loading the learner flow', () => {
    expect(customElements.get('mm-ask-expert'), 'the flow is not in widget.js').to.equal(undefined);
    const launcher = onlyLauncher();
    const button = stubButton(launcher)!;
    expect(button.textContent).to.equal('Ask an expert');
    expect(button.getAttribute('aria-haspopup')).to.equal('dialog');
    const host = (button.getRootNode() as ShadowRoot).host;
    expect(getComputedStyle(host).position, 'pinned to the corner').to.equal('fixed');
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(67, 56, 202)');
    stubBox = box(button);
    expect(stubBox.width).to.be.greaterThan(80);
  });

  it('preloads the flow (a content-hashed module) once the page is idle, without running it', async () => {
    let link: HTMLLinkElement | null = null;
    for (let i = 0; i < 100 && !link; i++) {
      link = document.querySelector<HTMLLinkElement>('link[rel="modulepreload"]');
      if (!link) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(link, 'a modulepreload link').to.exist;
    expect(link!.href).to.match(/\/dist\/ask-expert\.[\w-]{8}\.js$/);
    // With the chunks it imports (Lit, the SDK), which a modulepreload of the entry alone would not fetch.
    const preloaded = Array.from(
      document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]'),
      (l) => new URL(l.href).pathname.split('/').pop(),
    );
    expect(preloaded.length).to.be.greaterThan(1);
    for (const file of preloaded) expect(file).to.match(/^[\w-]+\.[\w-]{8}\.js$/);
    expect(customElements.get('mm-ask-expert')).to.equal(undefined);
  });

  it('loads the flow on click and opens it, the real launcher exactly where the stand-in was', async () => {
    const launcher = onlyLauncher();
    const opened = new Promise((resolve) => launcher.addEventListener('mm-open', resolve, { once: true }));
    stubButton(launcher)!.click();
    await opened;
    expect(launcher.shadowRoot!.querySelector('dialog')!.open).to.be.true;
    expect(stubButton(launcher), 'the stand-in is gone').to.equal(null);
    const button = launcher.shadowRoot!.querySelector<HTMLButtonElement>('[part~="launcher"]')!;
    expect(box(button)).to.deep.equal(stubBox);
    expect(getComputedStyle(button).backgroundColor).to.equal('rgb(67, 56, 202)');
    window.Micromentor!('close');
    await new Promise((resolve) => launcher.addEventListener('mm-close', resolve, { once: true }));
  });

  it('renders and opens in the browser', async () => {
    const launcher = onlyLauncher();
    await launcher.updateComplete;
    const button = launcher.shadowRoot!.querySelector<HTMLButtonElement>('[part~="launcher"]')!;
    expect(button.textContent?.trim()).to.equal('Ask an expert');
    expect(getComputedStyle(launcher).position).to.equal('fixed');
    const opened = new Promise((resolve) => launcher.addEventListener('mm-open', resolve, { once: true }));
    button.click();
    await opened;
    expect(launcher.shadowRoot!.querySelector('dialog')!.open).to.be.true;
    // The step elements are defined by the flow too, with their decorated properties working.
    const form = launcher.shadowRoot!.querySelector('mm-request-form')!;
    await form.updateComplete;
    expect(form.shadowRoot!.querySelector('label[for="title"]')?.textContent).to.equal(
      'What are you stuck on?',
    );
    expect(form.locale).to.equal('en');
    expect(customElements.get('mm-mentor-card')).to.be.a('function');
    expect(customElements.get('mm-confirmation')).to.be.a('function');
    window.Micromentor!('close');
    await new Promise((resolve) => launcher.addEventListener('mm-close', resolve, { once: true }));
  });

  it('ran the queued on() and tokenProvider, and opens pre-scoped to a topic', async () => {
    const launcher = onlyLauncher();
    const page = window as unknown as { __opened: unknown[]; __provider: unknown };
    expect(launcher.tokenProvider === page.__provider, 'the queued provider reached the widget').to.be.true;
    const seen: unknown[] = [];
    window.Micromentor!('on', 'mm-close', (detail: unknown) => seen.push(detail));
    window.Micromentor!('open', { topic: 'window-functions' });
    await new Promise((resolve) => launcher.addEventListener('mm-open', resolve, { once: true }));
    expect(launcher.topic).to.equal('window-functions');
    expect(page.__opened.at(-1)).to.deep.equal({ topic: 'window-functions' });
    window.Micromentor!('close');
    await new Promise((resolve) => launcher.addEventListener('mm-close', resolve, { once: true }));
    expect(seen).to.deep.equal([{ reason: 'api' }]);
  });

  it('takes data-theme and data-locale from the script tag', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title><body>` +
        `<script src="${bundleUrl}" data-key="pk_frame" data-theme="dark" data-locale="es"></script>` +
        `<mm-ask-expert topic="a"></mm-ask-expert><mm-ask-expert theme="light" locale="en"></mm-ask-expert>`,
    );
    const floating = frame.document.querySelector('mm-ask-expert[floating]') as MmAskExpert;
    const [inlineA, inlineB] = launchers(frame.document).filter((el) => el !== floating);
    // The stand-ins already speak the locale and wear the theme.
    expect(stubButton(floating)!.textContent).to.equal('Pregunta a un experto');
    expect(stubButton(inlineB!)!.textContent).to.equal('Ask an expert');
    expect(getComputedStyle(stubButton(floating)!).backgroundColor).to.equal('rgb(129, 140, 248)');
    await loadFlow(frame.document);
    await floating.updateComplete;
    expect([floating!.theme, floating!.locale]).to.deep.equal(['dark', 'es']);
    expect([inlineA!.theme, inlineA!.locale]).to.deep.equal(['dark', 'es']);
    expect([inlineB!.theme, inlineB!.locale]).to.deep.equal(['light', 'en']);
    expect(floating!.shadowRoot!.querySelector('[part~="launcher"]')?.textContent?.trim()).to.equal(
      'Pregunta a un experto',
    );
  });

  it('places the launcher in the corner data-position names (bottom right by default)', async () => {
    const corner = async (position: string | null) => {
      const frame = await loadFrame(
        `<!doctype html><html lang="en"><title>t</title><body style="margin:0">` +
          `<script src="${bundleUrl}" data-key="pk_frame"${position ? ` data-position="${position}"` : ''}></script>`,
      );
      const launcher = onlyLauncher(frame.document);
      const before = box(stubButton(launcher)!);
      await loadFlow(frame.document);
      await launcher.updateComplete;
      expect(
        box(launcher.shadowRoot!.querySelector('[part~="launcher"]')!),
        'no shift on swap',
      ).to.deep.equal(before);
      const rect = launcher.getBoundingClientRect();
      const { innerWidth, innerHeight } = frame;
      return {
        attribute: launcher.getAttribute('position'),
        top: Math.round(rect.top) === 20,
        bottom: Math.round(innerHeight - rect.bottom) === 20,
        left: Math.round(rect.left) === 20,
        right: Math.round(innerWidth - rect.right) === 20,
      };
    };
    expect(await corner(null)).to.include({
      top: false,
      bottom: true,
      left: false,
      right: true,
    });
    expect(await corner('top-left')).to.deep.equal({
      attribute: 'top-left',
      top: true,
      bottom: false,
      left: true,
      right: false,
    });
    expect(await corner('top-right')).to.include({ top: true, right: true, left: false });
    expect(await corner('bottom-left')).to.include({ bottom: true, left: true, top: false });
    expect(await corner('bottom-right')).to.include({ bottom: true, right: true, left: false });
  });

  it('replaces the stub with a live API', () => {
    const api = window.Micromentor!;
    expect(api.loaded).to.be.true;
    expect(api.q).to.equal(undefined);
    api('identify', 'jwt.next');
    expect(onlyLauncher().userToken).to.equal('jwt.next');
    api('identify', null);
    expect(onlyLauncher().userToken).to.equal('');
  });

  it('does nothing when loaded a second time', async () => {
    const api = window.Micromentor;
    await loadBundle({ key: 'pk_second' });
    expect(onlyLauncher().publishableKey).to.equal('pk_test_embed');
    expect(window.Micromentor === api, 'the live API was not replaced').to.be.true;
  });

  it('waits for <body> when loaded from <head>, and honours data-api', async () => {
    const frame = await loadFrame(
      `<!doctype html><html><head><title>t</title>` +
        `<script src="${bundleUrl}" data-key="pk_frame" data-api="https://api.example.test/"></script>` +
        `</head><body></body></html>`,
    );
    const launcher = onlyLauncher(frame.document);
    expect(launcher.publishableKey).to.equal('pk_frame');
    expect(launcher.apiBase).to.equal('https://api.example.test');
  });

  it('adds no launcher with data-launcher="none" but still drives inline widgets', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title>` +
        `<script src="${bundleUrl}" data-key="pk_frame" data-launcher="none"></script>` +
        `<mm-ask-expert topic="sql-joins"></mm-ask-expert>`,
    );
    const inline = onlyLauncher(frame.document);
    await loadFlow(frame.document);
    expect(inline.floating).to.be.false;
    expect(frame.customElements.get('mm-ask-expert')).to.be.a('function');
    frame.Micromentor!('identify', 'jwt.inline');
    expect(inline.userToken).to.equal('jwt.inline');
  });

  it('hands identify and tokenProvider to the consoles too', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title>` +
        `<script src="${bundleUrl}" data-key="pk_frame" data-launcher="none"></script>` +
        `<mm-admin-console></mm-admin-console>`,
    );
    const admin = frame.document.querySelector('mm-admin-console') as HTMLElement & {
      userToken?: string;
      tokenProvider?: unknown;
    };
    const provider = () => 'jwt.renewed';
    frame.Micromentor!('identify', 'jwt.admin');
    frame.Micromentor!('tokenProvider', provider);
    expect(admin.userToken).to.equal('jwt.admin');
    expect(admin.tokenProvider === provider, 'the provider reached the console').to.be.true;
  });

  it('keeps what the markup sets over the script tag', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title>` +
        `<script src="${bundleUrl}" data-key="pk_frame" data-theme="dark" data-launcher="none"></script>` +
        `<mm-ask-expert publishable-key="pk_markup" theme="light"></mm-ask-expert>`,
    );
    const inline = onlyLauncher(frame.document);
    await loadFlow(frame.document);
    await inline.updateComplete;
    expect([inline.publishableKey, inline.theme]).to.deep.equal(['pk_markup', 'light']);
  });

  it('opens on release when the real launcher took the stand-in’s place between press and release', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title><script src="${bundleUrl}" data-key="pk_frame"></script>`,
    );
    const launcher = onlyLauncher(frame.document);
    const press = (type: string, target: Element) =>
      target.dispatchEvent(
        new (frame as unknown as typeof globalThis).PointerEvent(type, {
          bubbles: true,
          composed: true,
          button: 0,
        }),
      );
    press('pointerdown', stubButton(launcher)!); // pressing starts loading the flow
    await frame.customElements.whenDefined('mm-ask-expert');
    await launcher.updateComplete;
    expect(stubButton(launcher), 'replaced while pressed').to.equal(null);
    const opened = new Promise((resolve) => launcher.addEventListener('mm-open', resolve, { once: true }));
    // No click comes when press and release land on different buttons: the release opens it.
    press('pointerup', launcher.shadowRoot!.querySelector('[part~="launcher"]')!);
    await opened;
    expect(launcher.shadowRoot!.querySelector('dialog')!.open).to.be.true;
  });

  it('hands keyboard focus from the stand-in to the real launcher', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title><script src="${bundleUrl}" data-key="pk_frame"></script>`,
    );
    const launcher = onlyLauncher(frame.document);
    stubButton(launcher)!.focus(); // focus alone loads the flow
    await frame.customElements.whenDefined('mm-ask-expert');
    await launcher.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
    expect(frame.document.activeElement).to.equal(launcher);
    expect(launcher.shadowRoot!.activeElement?.getAttribute('part')).to.equal('launcher');
  });

  it('imports the follow-up entry once for <mm-leaderboard> and <mm-follow-up>, and defines both', async () => {
    const frame = await loadFrame(
      `<!doctype html><title>t</title>` +
        `<script src="${bundleUrl}" data-key="pk_frame" data-launcher="none"></script>` +
        `<mm-leaderboard></mm-leaderboard><mm-follow-up></mm-follow-up>`,
    );
    await frame.customElements.whenDefined('mm-leaderboard');
    expect(frame.customElements.get('mm-follow-up')).to.be.a('function');
    // An ES module beside widget.js, imported once, with the chunks it shares: no classic script.
    const fetched = frame.performance
      .getEntriesByType('resource')
      .map((entry) => new URL(entry.name).pathname.split('/').pop()!)
      .filter((name) => name.endsWith('.js') && name !== 'widget.js');
    expect(fetched.filter((name) => /^follow-up\.[\w-]{8}\.js$/.test(name))).to.have.length(1);
    expect(
      fetched.some((name) => name.startsWith('mm-core.')),
      'the shared chunk',
    ).to.be.true;
    expect(new Set(fetched).size, 'each file fetched once').to.equal(fetched.length);
    expect(frame.document.querySelectorAll('script[src]')).to.have.length(1);
    expect(
      (frame.document.querySelector('mm-leaderboard') as HTMLElement & { publishableKey: string })
        .publishableKey,
    ).to.equal('pk_frame');
  });
});
