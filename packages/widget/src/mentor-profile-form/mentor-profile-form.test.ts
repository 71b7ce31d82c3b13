import type { OwnMentor } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmMentorProfileDetail } from '../events/mm-mentor-console.js';
import { consoleApi } from '../internal/mentor-console-api.js';
import { fakeApi, json, match, problem } from '../test-support/fake-api.js';
import { paste } from '../test-support/paste.js';
import type { MmMentorProfileForm } from './mentor-profile-form.js';
import './mentor-profile-form.js';

const ada: OwnMentor = {
  ...match('Ada Lovelace').mentor,
  id: 'mnt_ada',
  formats: ['video', 'call'],
  statusReason: null,
  callBridge: null,
  contactEmail: null,
};

async function form(routes: Parameters<typeof fakeApi>[0], mentor: OwnMentor | null) {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmMentorProfileForm>(
    html`<mm-mentor-profile-form locale="en" .api=${consoleApi(client)} .mentor=${mentor}></mm-mentor-profile-form>`,
  );
  return { el, calls, root: el.shadowRoot! };
}

describe('<mm-mentor-profile-form>', () => {
  it('edits the profile it is given: prefilled, saved with PATCH, announced', async () => {
    const { el, calls, root } = await form(
      {
        'PATCH /v1/me/mentor': (call) => json(200, { ...ada, ...(call.body as object), statusReason: null }),
      },
      ada,
    );
    expect(root.querySelector('h3')!.textContent).to.equal('Your profile');
    expect(root.querySelector<HTMLInputElement>('input[name=skills]')!.value).to.equal('sql, postgresql');
    const checked = Array.from(root.querySelectorAll<HTMLInputElement>('input[name=formats]:checked'));
    expect(checked.map((i) => i.value)).to.deep.equal(['video', 'call']);
    await expect(el).to.be.accessible();

    const saved: MmMentorProfileDetail[] = [];
    el.addEventListener('mm-profile-saved', (e) => saved.push(e.detail));
    root.querySelector<HTMLInputElement>('input[name=headline]')!.value = '  Query tuning  ';
    root.querySelector<HTMLInputElement>('input[name=skills]')!.value = 'sql,  indexes ,';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Profile saved.', 'saved');
    const patch = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(patch).to.deep.include({
      headline: 'Query tuning',
      skills: ['sql', 'indexes'],
      formats: ['video', 'call'],
    });
    expect(calls.some((c) => c.method === 'POST')).to.be.false;
    expect(saved).to.have.length(1);
    expect(saved[0]!.mentor.headline).to.equal('Query tuning');
  });

  it('holds the name, headline and bio to the server’s limits: counted, nothing cut, not sent past them', async () => {
    const { el, calls, root } = await form(
      {
        'PATCH /v1/me/mentor': (call) => json(200, { ...ada, ...(call.body as object), statusReason: null }),
      },
      ada,
    );
    const bio = root.querySelector('textarea')!;
    await paste(el, bio, 'b'.repeat(5000));
    await paste(el, root.querySelector<HTMLInputElement>('input[name=headline]')!, 'h'.repeat(190));
    expect(bio.value).to.have.length(5000);
    expect(root.querySelector('#bio-count')!.textContent).to.equal(
      '5,000 / 4,000 1,000 characters too many: nothing was cut, shorten it to send.',
    );
    expect(root.querySelector('#headline-count')!.textContent).to.equal('190 / 200');
    expect(root.querySelector('#name-count')).to.be.null;
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(root.activeElement).to.equal(bio);
  });

  it('sets, checks and clears the mentor’s number or dial-in for calls', async () => {
    const { el, calls, root } = await form(
      { 'PATCH /v1/me/mentor': (call) => json(200, { ...ada, ...(call.body as object) }) },
      { ...ada, callBridge: 'tel:+34910000000,,123#' },
    );
    const bridge = root.querySelector<HTMLInputElement>('input[name=callBridge]')!;
    expect(bridge.value).to.equal('tel:+34910000000,,123#');
    const hint = root.getElementById(bridge.getAttribute('aria-describedby')!)!;
    expect(hint.textContent).to.contain('Left empty, they give you their number');
    await expect(el).to.be.accessible();

    bridge.value = 'http://bridge.example.com';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(bridge.getAttribute('aria-invalid')).to.equal('true');
    expect(hint.className).to.equal('error');
    expect(root.activeElement).to.equal(bridge);
    await expect(el).to.be.accessible();

    bridge.value = ' +34 910 000 000 ';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Profile saved.', 'saved');
    expect((calls[0]!.body as Record<string, unknown>).callBridge).to.equal('+34 910 000 000');
    expect(bridge.getAttribute('aria-invalid')).to.equal('false');

    bridge.value = '';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => calls.length === 2, 'cleared');
    expect((calls[1]!.body as Record<string, unknown>).callBridge).to.equal(null);
  });

  it('sets and clears the address the mentor wants email at', async () => {
    const { el, calls, root } = await form(
      { 'PATCH /v1/me/mentor': (call) => json(200, { ...ada, ...(call.body as object) }) },
      { ...ada, contactEmail: 'ada@old.example' },
    );
    const email = root.querySelector<HTMLInputElement>('input[name=contactEmail]')!;
    expect(email.value).to.equal('ada@old.example');
    expect(email.type).to.equal('email');
    expect(root.getElementById(email.getAttribute('aria-describedby')!)!.textContent).to.contain(
      'the address you signed in with',
    );
    await expect(el).to.be.accessible();
    email.value = ' ada@new.example ';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Profile saved.', 'saved');
    expect((calls[0]!.body as Record<string, unknown>).contactEmail).to.equal('ada@new.example');
    email.value = '';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => calls.length === 2, 'cleared');
    expect((calls[1]!.body as Record<string, unknown>).contactEmail).to.equal(null);
  });

  it('shows the server’s words when the application is refused, and announces nothing', async () => {
    const { el, root } = await form(
      {
        'POST /v1/me/mentor': () =>
          problem(409, 'already_applied', 'Conflict', 'You have already applied as a mentor.'),
      },
      null,
    );
    const applied: unknown[] = [];
    el.addEventListener('mm-mentor-applied', (e) => applied.push(e.detail));
    expect(root.querySelector('h3')!.textContent).to.equal('Become a mentor');
    root.querySelector<HTMLInputElement>('input[name=name]')!.value = 'Ada';
    root.querySelector<HTMLInputElement>('input[name=skills]')!.value = 'sql';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'error');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('You have already applied as a mentor.');
    expect(applied).to.have.length(0);
    expect(root.querySelector<HTMLButtonElement>('button.primary')!.disabled).to.be.false;
  });
});
