import type { EmailPreferences, UpdateEmailPreferencesParams } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './email-preferences.js';
import type { EmailPreferencesApi, MmEmailPreferences } from './email-preferences.component.js';

const on = { bookings: true, reminders: true, requests: true, messages: true, feedback: true, account: true };

/** The two calls, answered as the server does (the kinds sent change; the rest stay). */
function api(start: EmailPreferences) {
  const calls: UpdateEmailPreferencesParams[] = [];
  let prefs = start;
  const impl: EmailPreferencesApi = {
    emailPreferences: async () => prefs,
    updateEmailPreferences: async (params) => {
      calls.push(params);
      const as = params.as ?? 'learner';
      const current = prefs[as]!;
      prefs = { ...prefs, [as]: { ...current, kinds: { ...current.kinds, ...params.kinds } } };
      return prefs;
    },
  };
  return { impl, calls };
}

describe('<mm-email-preferences>', () => {
  it('shows where email goes and turns one kind off as the mentor, saying so', async () => {
    const { impl, calls } = api({
      learner: { address: 'pat@example.org', kinds: on },
      mentor: { address: 'pat@work.example', kinds: { ...on, requests: false } },
    });
    const el = await fixture<MmEmailPreferences>(
      html`<mm-email-preferences locale="en" as="mentor" .api=${impl}></mm-email-preferences>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('input[name=reminders]'), 'loaded');
    expect(root.textContent).to.contain('We write to pat@work.example.');
    expect(root.querySelector<HTMLInputElement>('input[name=requests]')!.checked).to.be.false;
    expect(root.querySelector('input[name=feedback]')).to.be.null;
    expect(root.querySelector('input[name=account]')!.closest('label')!.textContent).to.contain(
      'Your mentor application',
    );
    await expect(el).to.be.accessible();
    const reminders = root.querySelector<HTMLInputElement>('input[name=reminders]')!;
    reminders.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Saved.', 'saved');
    expect(calls).to.deep.equal([{ as: 'mentor', kinds: { reminders: false } }]);
    expect(reminders.checked).to.be.false;
  });

  it('says there is no address (and nothing to turn off) when none is known, in Spanish', async () => {
    const { impl } = api({ learner: { address: null, kinds: on }, mentor: null });
    const el = await fixture<MmEmailPreferences>(
      html`<mm-email-preferences locale="es" .api=${impl}></mm-email-preferences>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('input[name=bookings]'), 'loaded');
    expect(root.textContent).to.contain('No tenemos tu correo');
    expect(root.querySelector<HTMLInputElement>('input[name=bookings]')!.disabled).to.be.true;
    // A learner is not sent requests (a mentor's), and is asked how sessions went.
    expect(root.querySelector('input[name=requests]')).to.be.null;
    expect(root.querySelector('input[name=feedback]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('offers to try again when the preferences fail to load', async () => {
    let fail = true;
    const impl: EmailPreferencesApi = {
      emailPreferences: async () => {
        if (fail) throw new TypeError('Failed to fetch');
        return { learner: { address: 'a@b.example', kinds: on }, mentor: null };
      },
      updateEmailPreferences: async () => {
        throw new Error('not called');
      },
    };
    const el = await fixture<MmEmailPreferences>(
      html`<mm-email-preferences locale="en" .api=${impl}></mm-email-preferences>`,
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~=retry-button]'), 'retry');
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('Something went wrong');
    fail = false;
    root.querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await waitUntil(() => root.querySelector('input[name=bookings]'), 'loaded after retry');
  });
});
