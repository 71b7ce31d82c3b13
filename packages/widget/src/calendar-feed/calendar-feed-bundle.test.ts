// The built pages' calendar part (settings-part.ts → dist/settings.<hash>.js). Here the built
// follow-up entry (dist/follow-up.<hash>.js) is imported as widget.js imports it, as an ES module
// by its full URL: showing My help's sessions, it imports the settings part from beside itself,
// which shares the follow-up's Lit and SDK chunks, follows the follow-up's theme and reads the
// errors of the follow-up's client. (This file imports no source element: everything comes from dist/.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { fakeApi, json, problem } from '../test-support/fake-api.js';

/** A source's file in the pages build, from its manifest. */
async function built(source: string): Promise<string> {
  const manifest = await (await fetch(new URL('../../dist/pages.manifest.json', import.meta.url))).json();
  return new URL(`../../dist/${manifest[source].file}`, import.meta.url).href;
}

type Themed = HTMLElement & { theme: string; updateComplete: Promise<boolean> };

describe('the built bundles’ calendar part', () => {
  before(async () => {
    await import(/* @vite-ignore */ await built('src/follow-up-entry.ts'));
  });

  it('is imported by the follow-up entry from beside it, follows its theme and reads its client’s errors', async () => {
    expect(customElements.get('mm-calendar-feed'), 'not in the follow-up entry itself').to.be.undefined;
    const { client } = fakeApi({
      'GET /v1/me': () => json(200, { user: { id: 'usr_lin' } }),
      'GET /v1/bookings': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/me/board': () => json(200, { data: [] }),
      'GET /v1/threads': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/me/calendar-feed': () => json(200, { enabled: false, url: null, createdAt: null }),
      'GET /v1/me/email-preferences': () =>
        json(200, {
          learner: {
            address: null,
            kinds: {
              bookings: true,
              reminders: true,
              requests: true,
              messages: true,
              feedback: true,
              account: true,
            },
          },
          mentor: null,
        }),
      'POST /v1/me/calendar-feed': () =>
        problem(401, 'user_token_required', 'Unauthorized', 'Sign in again to add your calendar.'),
    });
    const followUp = await fixture<Themed>(
      html`<mm-follow-up locale="en" theme="dark" .client=${client} .subscribe=${() => {}}></mm-follow-up>`,
    );
    await waitUntil(() => customElements.get('mm-calendar-feed'), 'settings.js loaded', {
      timeout: 5000,
    });
    const loaded = performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
    expect(loaded).to.include(new URL(await built('src/settings-part.ts')).pathname);
    // The same part brings the email preferences.
    expect(customElements.get('mm-email-preferences')).to.exist;

    const feed = followUp.shadowRoot!.querySelector<Themed>('mm-calendar-feed')!;
    const root = feed.shadowRoot!;
    const turnOn = () =>
      Array.from(root.querySelectorAll('button')).find(
        (b) => b.textContent!.trim() === 'Add my sessions to my calendar',
      );
    await waitUntil(turnOn, 'drawn');
    expect(feed.theme).to.equal('dark');

    turnOn()!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'refused');
    // The server's own words: the error's class is the one SDK the follow-up and the part share.
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Sign in again to add your calendar.');
    await expect(followUp).to.be.accessible();

    followUp.theme = 'light';
    await waitUntil(() => feed.theme === 'light', 'the follow-up’s new theme');
  });
});
