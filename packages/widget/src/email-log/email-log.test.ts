import type { AdminEmail, AdminEmailDetail, Me } from '@micromentor/sdk';
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmAdminConsole } from '../admin-console/admin-console.js';
import '../admin-console/admin-console.js';
import { adminPanel } from '../test-support/admin-panel.js';
import { fakeApi, json } from '../test-support/fake-api.js';
import './email-log.js';

const message = (id: string, overrides: Partial<AdminEmail> = {}): AdminEmail => ({
  id,
  kind: 'booking_confirmed',
  to: 'lin@example.org',
  subject: 'Your session with Ada is booked',
  status: 'sent',
  recipientParty: 'learner',
  recipientId: 'usr_lin',
  createdAt: '2026-11-25T12:00:00.000Z',
  sentAt: '2026-11-25T12:00:01.000Z',
  attemptCount: 1,
  lastReply: '250 2.0.0 OK',
  ...overrides,
});

const detail = (m: AdminEmail, attempts: AdminEmailDetail['attempts']): AdminEmailDetail => ({
  ...m,
  cause: `booking:${m.id}:confirmed:learner`,
  replyTo: null,
  text: 'Booked.',
  html: '<p>Booked.</p>',
  ics: null,
  attempts,
});

const sent = message('eml_sent');
const failed = message('eml_failed', {
  to: 'gone@example.org',
  subject: 'Reminder: your session starts soon',
  kind: 'booking_reminder',
  status: 'failed',
  sentAt: null,
  attemptCount: 2,
  lastReply: '550 5.1.1 No such mailbox',
});
const noAddress = message('eml_none', {
  to: null,
  subject: 'New session with Lin',
  status: 'unaddressed',
  recipientParty: 'mentor',
  sentAt: null,
  attemptCount: 0,
  lastReply: null,
});

const rowOf = (root: ShadowRoot, subject: string) =>
  Array.from(root.querySelectorAll<HTMLLIElement>('ul.rows > li')).find(
    (li) => li.querySelector('h4')!.textContent!.trim() === subject,
  )!;

describe('<mm-email-log>', () => {
  it('lists the program’s email with a status each, failed ones standing out, and no address said so', async () => {
    let answer: (response: Response) => void = () => {};
    const { el, calls } = await adminPanel(
      (api) => html`<mm-email-log locale="en" .api=${api}></mm-email-log>`,
      {
        'GET /v1/admin/emails': () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      },
    );
    const root = el.shadowRoot!;
    // Loading: grey rows where the rows will be, the words for screen readers.
    await waitUntil(() => root.querySelector('ul.rows[aria-hidden="true"]'), 'skeleton');
    expect(root.querySelector('[role=status]')!.textContent).to.equal('Loading…');
    answer(json(200, { data: [noAddress, failed, sent], nextCursor: null }));
    await waitUntil(() => root.querySelectorAll('ul.rows > li h4').length === 3, 'rows');
    expect(calls[0]!.query).to.deep.equal({ limit: '20' });

    const chips = Array.from(root.querySelectorAll('[part=email-status]')).map((c) => c.textContent);
    expect(chips).to.deep.equal(['No address', 'Failed', 'Sent']);
    const failedRow = rowOf(root, 'Reminder: your session starts soon');
    expect(failedRow.classList.contains('failed')).to.equal(true);
    expect(failedRow.querySelector('.badge')!.classList.contains('alert')).to.equal(true);
    expect(getComputedStyle(failedRow).borderInlineStartWidth).to.equal('3px');
    expect(
      rowOf(root, 'Your session with Ada is booked').querySelector('.badge')!.classList.contains('alert'),
    ).to.equal(false);
    expect(failedRow.querySelector('.facts')!.textContent).to.include(
      'gone@example.org · booking_reminder · ',
    );
    expect(rowOf(root, 'New session with Lin').querySelector('.facts')!.textContent).to.match(
      /^mentor · booking_confirmed · /,
    );
    await expect(el).to.be.accessible();
  });

  it('shows every attempt with the SMTP server’s reply behind a row, and why an unaddressed one was not sent', async () => {
    const { el, calls } = await adminPanel(
      (api) => html`<mm-email-log locale="en" .api=${api}></mm-email-log>`,
      {
        'GET /v1/admin/emails': () => json(200, { data: [noAddress, failed, sent], nextCursor: null }),
        'GET /v1/admin/emails/eml_failed': () =>
          json(
            200,
            detail(failed, [
              { attempt: 1, ok: false, reply: '450 4.2.1 Mailbox busy', at: '2026-11-25T12:00:01.000Z' },
              { attempt: 2, ok: false, reply: '550 5.1.1 No such mailbox', at: '2026-11-25T13:00:01.000Z' },
            ]),
          ),
      },
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelectorAll('ul.rows > li h4').length === 3, 'rows');
    const failedRow = rowOf(root, 'Reminder: your session starts soon');
    const toggle = failedRow.querySelector<HTMLButtonElement>('h4 button')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitUntil(() => failedRow.querySelectorAll('.detail ol > li').length === 2, 'attempts');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const region = failedRow.querySelector('.detail')!;
    expect(region.getAttribute('aria-label')).to.equal('Attempts to send Reminder: your session starts soon');
    const attempts = Array.from(region.querySelectorAll('ol > li'));
    expect(attempts.map((a) => a.classList.contains('refused'))).to.deep.equal([true, true]);
    expect(attempts[0]!.textContent).to.match(/Attempt 1, .* · refused/);
    expect(attempts[1]!.querySelector('.facts')!.textContent).to.equal('550 5.1.1 No such mailbox');
    await expect(el).to.be.accessible();

    const noneRow = rowOf(root, 'New session with Lin');
    noneRow.querySelector<HTMLButtonElement>('h4 button')!.click();
    await waitUntil(() => noneRow.querySelector('.detail'), 'detail');
    expect(noneRow.querySelector('.detail')!.textContent!.trim()).to.equal(
      'Not sent: the recipient has no email address.',
    );
    expect(calls.filter((c) => c.path === '/v1/admin/emails/eml_none')).to.have.length(0);
    toggle.click();
    await waitUntil(() => !failedRow.querySelector('.detail'), 'closed');
    expect(failedRow.querySelector('[hidden]')).to.exist;
  });

  it('filters by status, says so when nothing matches, and shows what the program wrote as text', async () => {
    const hostile = message('eml_x', {
      subject: '<img src=x onerror="window.pwned=1">Hi',
      kind: '<b>kind</b>',
    });
    const { el, calls } = await adminPanel(
      (api) => html`<mm-email-log locale="en" .api=${api}></mm-email-log>`,
      {
        'GET /v1/admin/emails': (call) =>
          json(200, { data: call.query.status ? [] : [hostile], nextCursor: null }),
      },
    );
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('ul.rows > li h4'), 'row');
    expect(root.querySelector('ul.rows img, ul.rows b')).to.be.null;
    expect(root.querySelector('ul.rows > li h4')!.textContent!.trim()).to.equal(hostile.subject);
    await expect(el).to.be.accessible();
    const select = root.querySelector('select')!;
    expect(Array.from(select.options).map((o) => o.textContent)).to.deep.equal([
      'Any status',
      'Sent',
      'Waiting',
      'Failed',
      'No address',
    ]);
    select.value = 'failed';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => root.textContent!.includes('No email has this status.'), 'no match');
    expect(calls.at(-1)!.query).to.deep.equal({ status: 'failed', limit: '20' });
    expect(root.querySelector('ul.rows')).to.be.null;
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => root.querySelector('ul.rows > li'), 'all again');
    expect(calls.at(-1)!.query).to.deep.equal({ limit: '20' });
  });

  it('says so when the program has sent nothing yet', async () => {
    const { el } = await adminPanel((api) => html`<mm-email-log locale="es" .api=${api}></mm-email-log>`, {
      'GET /v1/admin/emails': () => json(200, { data: [], nextCursor: null }),
    });
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Aún no hay correos.'), 'empty');
    expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Correos enviados por el programa');
    await expect(el).to.be.accessible();
  });

  it('is the admin console’s Email tab, readable in the dark theme', async () => {
    const me = {
      tenant: {
        id: 'ten_1',
        name: 'Academy',
        settings: { allowGuests: false, formats: ['video'], sessionLengths: [15] },
      },
      user: {
        id: 'usr_admin',
        externalId: 'admin',
        name: 'Ada Admin',
        email: null,
        roles: ['admin'],
        isGuest: false,
      },
      mentorProfile: null,
      keyKind: 'publishable',
    } as Me;
    const { client } = fakeApi({
      'GET /v1/me': () => json(200, me),
      'GET /v1/admin/mentors': () => json(200, { data: [], nextCursor: null }),
      'GET /v1/admin/emails': () => json(200, { data: [noAddress, failed, sent], nextCursor: null }),
    });
    const el = await fixture<MmAdminConsole>(
      html`<mm-admin-console locale="en" theme="dark" .client=${client}></mm-admin-console>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('#tab-email'), 'tabs');
    const tab = el.shadowRoot!.querySelector<HTMLButtonElement>('#tab-email')!;
    expect(tab.textContent!.trim()).to.equal('Email');
    tab.click();
    await waitUntil(() => el.shadowRoot!.querySelector('mm-email-log'), 'email panel');
    const log = el.shadowRoot!.querySelector('mm-email-log')!;
    await waitUntil(() => log.shadowRoot?.querySelectorAll('ul.rows > li h4').length === 3, 'rows');
    expect(log.getAttribute('theme')).to.equal('dark');
    await expect(el).to.be.accessible();
  });
});
