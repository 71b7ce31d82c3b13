import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MmErrorEvent } from '../events/mm-error.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import type { MmGuestForm } from './guest-form.js';
import './guest-form.js';

async function form(routes: Parameters<typeof fakeApi>[0]) {
  const { client, calls } = fakeApi(routes, { userToken: '' });
  const el = await fixture<MmGuestForm>(html`<mm-guest-form locale="en" .client=${client}></mm-guest-form>`);
  const root = el.shadowRoot!;
  const fill = (name: string, email: string) => {
    root.querySelector<HTMLInputElement>('#name')!.value = name;
    root.querySelector<HTMLInputElement>('#email')!.value = email;
  };
  const submit = () => root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  return { el, client, calls, root, fill, submit };
}

describe('<mm-guest-form>', () => {
  it('refuses a bad email without calling the API, then starts a guest session and keeps its token in the client', async () => {
    const { el, client, calls, root, fill, submit } = await form({
      'POST /v1/guest-sessions': () =>
        json(201, { userToken: 'jwt.guest', expiresAt: new Date().toISOString(), externalId: 'guest_1' }),
    });
    await expect(el).to.be.accessible();
    fill('Lin', 'not-an-email');
    submit();
    await el.updateComplete;
    expect(root.querySelector('#email-error')!.textContent).to.equal('Enter a valid email.');
    expect(root.querySelector('#email')!.getAttribute('aria-invalid')).to.equal('true');
    expect(root.activeElement?.id).to.equal('email');
    expect(calls).to.have.length(0);

    fill('  Lin  ', 'lin@example.com');
    const ready = oneEvent(el, 'mm-guest-ready');
    submit();
    const event = await ready;
    expect(event.detail).to.deep.equal({});
    expect(calls[0]!.body).to.deep.equal({ name: 'Lin', email: 'lin@example.com' });
    expect(client.userToken).to.equal('jwt.guest');
  });

  it('reports a refused guest session as a well-typed mm-error and says why', async () => {
    const { el, client, root, fill, submit } = await form({
      'POST /v1/guest-sessions': () =>
        problem(403, 'guests_not_allowed', 'Forbidden', 'This program does not allow guests.'),
    });
    const errors: MmErrorEvent[] = [];
    el.addEventListener('mm-error', (e) => errors.push(e));
    fill('Lin', 'lin@example.com');
    submit();
    await waitUntil(() => root.querySelector('[role=alert]'), 'alert');
    expect(errors).to.have.length(1);
    expect(errors[0]!.detail.step).to.equal('guest');
    expect(errors[0]!.detail.code).to.equal('guests_not_allowed');
    expect(errors[0]!.detail.message).to.equal(root.querySelector('[role=alert]')!.textContent);
    expect(client.userToken).to.be.undefined;
  });
});
