// The design tokens as one system (styles/launcher.ts): the README's table and the definitions
// name the same --mm-* properties with the same defaults; every surface resolves each one, down
// to the elements it nests; and under reduced motion nothing inside them moves.
import type { Me } from '@micromentor/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import type { MmAdminConsole } from '../admin-console/admin-console.js';
import '../admin-console/admin-console.js';
import type { MmAskExpert } from '../ask-expert/ask-expert.js';
import '../ask-expert/ask-expert.js';
import type { MmFollowUp } from '../follow-up/follow-up.js';
import '../follow-up/follow-up.js';
import type { MmMentorConsole } from '../mentor-console/mentor-console.js';
import '../mentor-console/mentor-console.js';
import { applicant, booking, fakeApi, json, match, problem } from '../test-support/fake-api.js';
import { LAUNCHER_CSS, LAUNCHER_THEME_CSS, THEME_CSS } from './launcher.js';

// --- The definitions, read from the CSS text itself -------------------------------------------

/** The body of the rule that starts with `opener` (`:host{`), braces balanced. */
function ruleBody(css: string, opener: string): string {
  const start = css.indexOf(opener);
  if (start < 0) throw new Error(`no ${opener} in the theme`);
  let depth = 0;
  for (let i = start + opener.length - 1; i < css.length; i++) {
    if (css[i] === '{') depth++;
    else if (css[i] === '}' && --depth === 0) return css.slice(start + opener.length, i);
  }
  throw new Error(`unbalanced ${opener}`);
}

/** `prop:value;…` → prop → value, splitting only where no parenthesis is open. */
function declarations(body: string): Map<string, string> {
  const out = new Map<string, string>();
  let depth = 0;
  let from = 0;
  for (let i = 0; i <= body.length; i++) {
    const char = body[i];
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if ((char === ';' || i === body.length) && depth === 0) {
      const text = body.slice(from, i);
      const colon = text.indexOf(':');
      if (colon > 0) out.set(text.slice(0, colon).trim(), text.slice(colon + 1).trim());
      from = i + 1;
    }
  }
  return out;
}

/** `var(--mm-x,fallback)` → ['--mm-x', 'fallback']; null for anything else. */
function publicVar(value: string): [string, string] | null {
  const found = /^var\((--mm-[\w-]+),([\s\S]*)\)$/.exec(value);
  return found ? [found[1]!, found[2]!] : null;
}

interface Token {
  /** The public custom property, `--mm-…`. */
  name: string;
  /** The private one it resolves into (`--_…`), or the property it sets directly. */
  target: string;
  light: string;
  dark: string;
}

const light = declarations(ruleBody(THEME_CSS, ':host{'));
const dark = declarations(ruleBody(THEME_CSS, ':host([theme=dark]){'));

/** Every public token THEME_CSS defines, its defaults written in public terms. */
function definedTokens(): Token[] {
  const tokens: Token[] = [];
  for (const [target, value] of light) {
    const lightVar = publicVar(value);
    if (!lightVar) continue;
    const darkVar = publicVar(dark.get(target) ?? value);
    tokens.push({ name: lightVar[0], target, light: lightVar[1], dark: darkVar![1] });
  }
  const publicOf = new Map(tokens.map((t) => [t.target, t.name]));
  // A default that refers to another token reads as that token's public name (the small radius
  // is half of `var(--mm-radius)`), or as the private value it stands for (the shadows' colour).
  const resolve = (text: string, theme: Map<string, string>): string =>
    text.replace(/var\((--_[\w-]+)\)/g, (_, ref: string) => {
      const name = publicOf.get(ref);
      if (name) return `var(${name})`;
      const value = theme.get(ref) ?? light.get(ref);
      if (value === undefined) throw new Error(`${ref} is used in a default but never defined`);
      return resolve(value, theme);
    });
  return tokens.map((t) => ({ ...t, light: resolve(t.light, light), dark: resolve(t.dark, dark) }));
}

const TOKENS = definedTokens();

/** Spaces and leading zeros do not count: `rgb(0 0 0 / 0.22)` is `rgb(0 0 0/.22)`. */
function normal(value: string): string {
  return value.replace(/\s+/g, '').replace(/(^|[^\d.])0\.(\d)/g, '$1.$2');
}

interface Row {
  name: string;
  light: string;
  dark: string;
}

/** The Theming table of the package README: the first code span of each default cell. */
async function readmeRows(): Promise<Row[]> {
  const readme = await (await fetch(new URL('../../README.md', import.meta.url))).text();
  const start = readme.indexOf('\n## Theming');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const code = (cell: string): string => /`([^`]+)`/.exec(cell)?.[1] ?? cell;
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `--mm-'))
    .map((line) => {
      const cells = line.split('|').map((cell) => cell.trim());
      const lightDefault = code(cells[3]!);
      return {
        name: code(cells[1]!),
        light: lightDefault,
        dark: cells[4] === 'same' ? lightDefault : code(cells[4]!),
      };
    });
}

describe('design tokens: one definition, one documented list', () => {
  it('the README table lists exactly the tokens the theme defines, with their light and dark defaults', async () => {
    const rows = await readmeRows();
    expect(rows.length, 'README rows').to.be.greaterThan(20);
    expect(rows.map((r) => r.name)).to.deep.equal([...new Set(rows.map((r) => r.name))]);
    // Every --mm-* the theme mentions is a token, and the README names the same ones.
    expect(new Set(TOKENS.map((t) => t.name))).to.deep.equal(new Set(THEME_CSS.match(/--mm-[\w-]+/g)));
    expect(rows.map((r) => r.name).sort()).to.deep.equal(TOKENS.map((t) => t.name).sort());
    for (const token of TOKENS) {
      const row = rows.find((r) => r.name === token.name)!;
      expect(normal(row.light), `${token.name} light default`).to.equal(normal(token.light));
      expect(normal(row.dark), `${token.name} dark default`).to.equal(normal(token.dark));
    }
  });

  it('every private token a style uses is defined once, and every one defined is used', async () => {
    const sources = await executeServerCommand<{ path: string; text: string }[], undefined>('widget-sources');
    const used = new Set<string>();
    // The styles, and the launcher's own (the theme's file defines the tokens, so it does not count).
    for (const { path, text } of sources)
      if (!path.endsWith('/launcher.ts'))
        for (const [, name] of text.matchAll(/var\((--_[\w-]+)/g)) used.add(name!);
    for (const [, name] of LAUNCHER_CSS.matchAll(/var\((--_[\w-]+)/g)) used.add(name!);
    const defined = [...light.keys(), ...dark.keys()].filter((name) => name.startsWith('--_'));
    for (const name of used) expect(light.has(name), `${name} is used but not defined`).to.be.true;
    // Used by a style, or by another token's default (--_sc colours the shadows).
    const referenced = new Set(used);
    for (const [, name] of THEME_CSS.matchAll(/var\((--_[\w-]+)\)/g)) referenced.add(name!);
    for (const name of new Set(defined))
      expect(referenced.has(name), `${name} is defined but unused`).to.be.true;
    // Once per theme: no token is defined twice in a rule.
    const lightBody = ruleBody(THEME_CSS, ':host{');
    for (const name of light.keys())
      expect(lightBody.split(`${name}:`).length - 1, `${name} defined once`).to.equal(1);
  });

  it("the loader's stand-in launcher has every token LAUNCHER_CSS uses, in both themes", () => {
    const standInLight = declarations(ruleBody(LAUNCHER_THEME_CSS, ':host{'));
    const standInDark = declarations(ruleBody(LAUNCHER_THEME_CSS, ':host([theme=dark]){'));
    const needed = new Set<string>();
    const visit = (text: string): void => {
      for (const [, name] of text.matchAll(/var\((--_[\w-]+)\)/g)) {
        if (needed.has(name!)) continue;
        needed.add(name!);
        visit(light.get(name!) ?? '');
      }
    };
    visit(LAUNCHER_CSS);
    expect(needed.size).to.be.greaterThan(4);
    for (const name of needed) {
      // The same definition text as the full theme's, not a copy that could drift.
      expect(standInLight.get(name), `${name} (light)`).to.equal(light.get(name));
      if (dark.has(name)) expect(standInDark.get(name), `${name} (dark)`).to.equal(dark.get(name));
    }
  });
});

// --- The four surfaces -------------------------------------------------------------------------

function me(roles: string[], mentorProfile: Me['mentorProfile'] = null): Me {
  return {
    tenant: {
      id: 'ten_1',
      name: 'Academy',
      settings: { allowGuests: false, formats: ['video'], sessionLengths: [15, 30] },
    },
    user: { id: 'usr_1', externalId: 'u1', name: 'Ada', email: null, roles, isGuest: false },
    mentorProfile,
    keyKind: 'publishable',
  } as Me;
}

const empty = () => json(200, { data: [], nextCursor: null });

/** Every element inside `host`'s shadow root, and inside theirs, depth first. */
function* shadowTree(host: Element): Generator<Element> {
  const root = host.shadowRoot;
  if (!root) return;
  for (const el of root.querySelectorAll('*')) {
    yield el;
    yield* shadowTree(el);
  }
}

/** The elements of ours nested inside `host` (each a shadow host with the theme on it). */
function nestedHosts(host: Element): Element[] {
  return [...shadowTree(host)].filter((el) => el.shadowRoot && el.localName.startsWith('mm-'));
}

function inner<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${host.localName}>`);
  return found;
}

async function askExpert(): Promise<MmAskExpert> {
  const el = await fixture<MmAskExpert>(html`<mm-ask-expert locale="en"></mm-ask-expert>`);
  const opened = oneEvent(el, 'mm-open');
  inner(el, '[part~="launcher"]').click();
  await opened;
  await waitUntil(() => inner(el, 'mm-request-form').shadowRoot?.querySelector('input'), 'request form');
  return el;
}

async function followUp(): Promise<MmFollowUp> {
  const ada = { ...match('Ada Lovelace').mentor, id: 'mnt_ada' };
  const { client } = fakeApi({
    'GET /v1/me': () => json(200, me([])),
    'GET /v1/threads': empty,
    'GET /v1/bookings': () => json(200, { data: [booking({ mentorId: 'mnt_ada' })], nextCursor: null }),
    'GET /v1/mentors/mnt_ada': () => json(200, ada),
    'GET /v1/me/board': () => json(200, { data: [] }),
  });
  const el = await fixture<MmFollowUp>(html`<mm-follow-up locale="en" .client=${client}></mm-follow-up>`);
  await waitUntil(() => el.shadowRoot!.querySelector('mm-advisor-board'), 'follow-up loaded');
  return el;
}

async function mentorConsole(): Promise<MmMentorConsole> {
  const mentor = { ...match('Ada Lovelace').mentor, id: 'mnt_ada', externalId: 'ada', status: 'approved' };
  const { client } = fakeApi({
    'GET /v1/me': () => json(200, me(['mentor'], mentor as Me['mentorProfile'])),
    'GET /v1/me/stats': () =>
      json(200, { sessions: 3, minutes: 45, rating: 5, ratingCount: 1, medianResponseMinutes: 2 }),
    'GET /v1/me/offers': empty,
    'GET /v1/bookings': empty,
    'GET /v1/leaderboard': () => problem(404, 'not_found', 'Not Found', 'Off.'),
  });
  const el = await fixture<MmMentorConsole>(
    html`<mm-mentor-console locale="en" .client=${client}></mm-mentor-console>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[role=tab]'), 'mentor console tabs');
  return el;
}

/** The admin console; its applications list answers when `release` is called. */
async function adminConsole(): Promise<{ el: MmAdminConsole; release: () => void }> {
  let release = (): void => {};
  const answered = new Promise<void>((resolve) => {
    release = resolve;
  });
  const { client } = fakeApi({
    'GET /v1/me': () => json(200, me(['admin'])),
    'GET /v1/admin/mentors': async () => {
      await answered;
      return json(200, { data: [applicant('Ada'), applicant('Grace')], nextCursor: null });
    },
    // Never answers: the analytics tab stays on its pulsing card skeletons.
    'GET /v1/admin/analytics': () => new Promise<Response>(() => {}),
  });
  const el = await fixture<MmAdminConsole>(
    html`<mm-admin-console locale="en" .client=${client}></mm-admin-console>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[role=tab]'), 'admin console tabs');
  return { el, release };
}

/** Opens the admin console's analytics tab, loading for ever: its card skeletons pulse. */
async function analyticsSkeleton(el: MmAdminConsole): Promise<void> {
  inner(el, '#tab-analytics').click();
  await waitUntil(
    () => el.shadowRoot!.querySelector('mm-program-analytics')?.shadowRoot?.querySelector('.skeleton'),
    'analytics skeleton',
  );
}

/** A distinct value for each token, in the form Chromium reports computed values. */
function sentinel(token: Token, index: number): string {
  if (token.name === '--mm-font-family') return 'monospace';
  if (token.name === '--mm-duration') return '0.7s';
  if (token.name === '--mm-easing') return 'linear';
  if (token.name.startsWith('--mm-shadow')) return `rgb(${index}, 2, 3) 1px 2px ${index}px 0px`;
  if (token.name.startsWith('--mm-font-size')) return `${index + 1}px`;
  if (/^--mm-(space|radius)/.test(token.name)) return `${40 + index}px`;
  return `rgb(${index}, 1, 2)`;
}

const SENTINELS = new Map(TOKENS.map((token, i) => [token.name, sentinel(token, i)]));
const value = (name: string): string => SENTINELS.get(name)!;

function overrideAll(el: HTMLElement): void {
  for (const [name, text] of SENTINELS) el.style.setProperty(name, text);
}

/** Each token as the element sees it: the private property, or the one it sets directly. */
function seen(el: Element, token: Token): string {
  const style = getComputedStyle(el);
  return token.target.startsWith('--_') ? style.getPropertyValue(token.target).trim() : style.fontFamily;
}

function expectEveryToken(surface: Element): void {
  const hosts = [surface, ...nestedHosts(surface)];
  for (const host of hosts)
    for (const token of TOKENS)
      expect(seen(host, token), `${token.name} on <${host.localName}> in <${surface.localName}>`).to.equal(
        value(token.name),
      );
}

describe('design tokens: every surface resolves every token', () => {
  it('<mm-ask-expert>: the launcher, the panel and the request form', async () => {
    const el = await askExpert();
    overrideAll(el);
    expectEveryToken(el);
    expect(nestedHosts(el).map((h) => h.localName)).to.include('mm-request-form');
    const launcher = getComputedStyle(inner(el, '[part~="launcher"]'));
    expect([launcher.paddingTop, launcher.paddingLeft]).to.deep.equal([
      value('--mm-space-3'),
      value('--mm-space-4'),
    ]);
    expect(launcher.borderTopLeftRadius).to.equal(value('--mm-radius'));
    expect(launcher.boxShadow).to.equal(value('--mm-shadow-1'));
    expect(launcher.backgroundColor).to.equal(value('--mm-accent'));
    const panel = getComputedStyle(inner(el, '[part~="panel"]'));
    expect(panel.paddingTop).to.equal(value('--mm-space-5'));
    expect(panel.boxShadow).to.equal(value('--mm-shadow-3'));
    expect(getComputedStyle(inner(el, 'h2')).fontSize).to.equal(value('--mm-font-size-xl'));
    const form = inner(el, 'mm-request-form');
    const input = getComputedStyle(inner(form, 'input'));
    expect([input.paddingTop, input.paddingLeft]).to.deep.equal([
      value('--mm-space-2'),
      value('--mm-space-3'),
    ]);
    expect(input.borderTopLeftRadius).to.equal(value('--mm-radius-sm'));
    expect(getComputedStyle(inner(form, '.hint')).fontSize).to.equal(value('--mm-font-size-sm'));
    expect(getComputedStyle(inner(form, 'form')).rowGap).to.equal(value('--mm-space-3'));
  });

  it('<mm-follow-up>: its own padding, its sections and the elements it nests', async () => {
    const el = await followUp();
    overrideAll(el);
    expectEveryToken(el);
    expect(getComputedStyle(el).paddingTop, 'standalone surface').to.equal(value('--mm-space-4'));
    expect(getComputedStyle(inner(el, 'mm-advisor-board')).marginTop).to.equal(value('--mm-space-5'));
    expect(getComputedStyle(inner(el, 'h3')).fontSize).to.equal(value('--mm-font-size-lg'));
  });

  it('<mm-mentor-console>: the frame, the tabs and the panels', async () => {
    const el = await mentorConsole();
    overrideAll(el);
    expectEveryToken(el);
    const frame = getComputedStyle(inner(el, '.console'));
    expect(frame.paddingTop).to.equal(value('--mm-space-4'));
    expect(frame.borderTopLeftRadius).to.equal(value('--mm-radius'));
    expect(getComputedStyle(inner(el, 'h2')).fontSize).to.equal(value('--mm-font-size-xl'));
    expect(getComputedStyle(inner(el, '[role=tablist]')).columnGap).to.equal(value('--mm-space-1'));
    inner(el, '#tab-profile').click();
    await waitUntil(() => el.shadowRoot!.querySelector('.stats dd'), 'stats');
    expectEveryToken(el);
    expect(getComputedStyle(inner(el, '.stats dd')).fontSize).to.equal(value('--mm-font-size-2xl'));
  });

  it('<mm-admin-console>: the frame and a list of rows with their disclosures', async () => {
    const { el, release } = await adminConsole();
    release();
    const review = inner(el, 'mm-mentor-review');
    await waitUntil(() => review.shadowRoot?.querySelector('.disclosure'), 'rows');
    overrideAll(el);
    expectEveryToken(el);
    const row = getComputedStyle(review.shadowRoot!.querySelector('ul.rows > li')!);
    expect([row.paddingTop, row.paddingLeft]).to.deep.equal([value('--mm-space-3'), value('--mm-space-4')]);
    expect(getComputedStyle(review.shadowRoot!.querySelector('.badge')!).fontSize).to.equal(
      value('--mm-font-size-xs'),
    );
    const turn = getComputedStyle(review.shadowRoot!.querySelector('.disclosure')!, '::before');
    expect(turn.transitionDuration).to.equal(value('--mm-duration'));
    expect(turn.transitionTimingFunction).to.equal(value('--mm-easing'));
  });
});

// --- Reduced motion ------------------------------------------------------------------------------

/** Every animation and transition inside the surface, pseudo-elements included, as `what: value`. */
function motion(surface: Element): string[] {
  const out: string[] = [];
  for (const el of shadowTree(surface))
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(el, pseudo);
      const durations = style.transitionDuration.split(', ');
      const what = `<${el.localName} class="${el.getAttribute('class') ?? ''}">${pseudo ?? ''}`;
      if (durations.some((d) => d !== '0s')) out.push(`${what} transition ${style.transitionDuration}`);
      if (style.animationName !== 'none') out.push(`${what} animation ${style.animationName}`);
    }
  return out;
}

describe('design tokens: prefers-reduced-motion', () => {
  afterEach(async () => {
    await emulateMedia({ reducedMotion: 'no-preference', colorScheme: 'light' });
  });

  it('moves where motion is allowed: a disclosure turns, a loading skeleton pulses', async () => {
    const { el, release } = await adminConsole();
    release();
    const review = inner(el, 'mm-mentor-review');
    await waitUntil(() => review.shadowRoot?.querySelector('.disclosure'), 'rows');
    expect(motion(el)).to.include('<button class="disclosure">::before transition 0.15s');
    await analyticsSkeleton(el);
    expect(motion(el)).to.include('<li class="kpi skeleton"> animation pulse');
  });

  it('under reduce, nothing animates or transitions on any surface, whatever --mm-duration says', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.be.true;
    const { el: admin, release } = await adminConsole();
    release();
    await waitUntil(() => inner(admin, 'mm-mentor-review').shadowRoot?.querySelector('.disclosure'), 'rows');
    const surfaces: Element[] = [admin, await askExpert(), await followUp(), await mentorConsole()];
    for (const surface of surfaces) {
      (surface as HTMLElement).style.setProperty('--mm-duration', '2s');
      expect(motion(surface), `<${surface.localName}>`).to.deep.equal([]);
      for (const host of [surface, ...nestedHosts(surface)])
        expect(
          getComputedStyle(host).getPropertyValue('--_d').trim(),
          `--_d on <${host.localName}>`,
        ).to.equal('0s');
    }
    await analyticsSkeleton(admin);
    expect(motion(admin), 'admin console while analytics load').to.deep.equal([]);
  });
});
