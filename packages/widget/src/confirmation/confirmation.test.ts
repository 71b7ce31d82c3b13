import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { MmBookingCancelledEvent } from '../events/mm-booking-created.js';
import type { MmErrorEvent } from '../events/mm-error.js';
import { booking, fakeApi, json, match, problem } from '../test-support/fake-api.js';
import { paste } from '../test-support/paste.js';
import type { MmConfirmation } from './confirmation.js';
import './confirmation.js';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';

describe('<mm-confirmation>', () => {
  it('shows the time in the learner zone, the mentor and the join link', async () => {
    const b = booking();
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation locale="en" .booking=${b} .mentor=${match('Ada Lovelace').mentor}></mm-confirmation>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('h3')?.textContent).to.equal('You are booked');
    expect(root.querySelector('.mentor')?.textContent).to.equal('Session with Ada Lovelace');
    // One format everywhere: day, start–end and length, with the viewer's zone named.
    const day = new Intl.DateTimeFormat('en', { weekday: 'short', month: 'short', day: 'numeric' });
    const range = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).formatRange(
      new Date(b.start),
      new Date(b.end),
    );
    expect(root.querySelector('time')?.textContent).to.equal(
      `${day.format(new Date(b.start))} · ${range} (15 min)`,
    );
    expect(root.textContent).to.contain(`Times in ${Intl.DateTimeFormat().resolvedOptions().timeZone}`);
    expect(root.querySelector<HTMLAnchorElement>('a.join')?.href).to.equal(
      'https://meet.example.test/mm-abc123',
    );
    await expect(el).to.be.accessible();
  });

  it('says how a call happens: the number the mentor calls, or the mentor’s dial-in as a link', async () => {
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation
        locale="en"
        .booking=${booking({ format: 'call', joinUrl: null, phone: '+34600123456' })}
      ></mm-confirmation>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('.call')?.textContent).to.equal('Your mentor will call you at +34600123456.');
    expect(root.querySelector('a.join')).to.be.null;
    await expect(el).to.be.accessible();

    el.booking = booking({ format: 'call', joinUrl: null, dialIn: 'tel:+34910000000,,123456#' });
    await el.updateComplete;
    expect(root.querySelector('.call')?.textContent?.replace(/\s+/g, ' ')).to.equal(
      'Dial in: tel:+34910000000,,123456#',
    );
    expect(root.querySelector('.call a')?.getAttribute('href')).to.equal('tel:+34910000000,,123456#');
    expect(root.querySelector('.call a')?.hasAttribute('target')).to.be.false;

    el.locale = 'es';
    el.booking = booking({ format: 'call', joinUrl: null, dialIn: '+34910000000' });
    await el.updateComplete;
    expect(root.querySelector('.call a')?.getAttribute('href')).to.equal('tel:+34910000000');
    expect(root.querySelector('.call')?.textContent).to.contain('Acceso a la llamada:');

    // A dial-in that is no web or phone link stays text.
    el.booking = booking({ format: 'call', joinUrl: null, dialIn: 'javascript:alert(1)' });
    await el.updateComplete;
    expect(root.querySelector('.call a')).to.be.null;
    expect(root.querySelector('.call')?.textContent).to.contain('javascript:alert(1)');
  });

  it('says a thread is open for chat, and never links a non-web URL', async () => {
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation
        locale="en"
        .booking=${booking({ format: 'chat', joinUrl: 'javascript:alert(1)', threadId: 'thr_01' })}
      ></mm-confirmation>`,
    );
    expect(el.shadowRoot!.querySelector('a')).to.be.null;
    expect(el.shadowRoot!.querySelector('.thread')?.textContent).to.contain('A message thread is open');
  });

  it('downloads the .ics through the SDK as a Blob URL, with no token in any URL', async () => {
    const b = booking();
    const { client, calls } = fakeApi({
      [`GET /v1/bookings/${b.id}/calendar.ics`]: () =>
        new Response(ICS, { status: 200, headers: { 'content-type': 'text/calendar' } }),
    });
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation .client=${client} .booking=${b}></mm-confirmation>`,
    );
    const clicked: { href: string; download: string }[] = [];
    const originalClick = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    };
    try {
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="calendar-button"]')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      HTMLAnchorElement.prototype.click = originalClick;
    }
    expect(calls).to.have.length(1);
    expect(calls[0]!.headers['X-User-Token']).to.equal('jwt.learner');
    expect(clicked).to.have.length(1);
    expect(clicked[0]!.href.startsWith('blob:')).to.be.true;
    expect(clicked[0]!.download).to.equal(`micromentor-${b.id}.ics`);
    expect(await (await fetch(clicked[0]!.href)).text()).to.equal(ICS);
  });

  it('cancels with a reason and emits mm-booking-cancelled', async () => {
    const b = booking();
    const { client, calls } = fakeApi({
      [`POST /v1/bookings/${b.id}/cancel`]: (call) =>
        json(200, {
          ...b,
          status: 'cancelled',
          cancelReason: (call.body as { reason: string }).reason,
          cancelledBy: 'learner',
        }),
    });
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation locale="en" .client=${client} .booking=${b}></mm-confirmation>`,
    );
    el.shadowRoot!.querySelector<HTMLInputElement>('#reason')!.value = 'Solved it myself';
    const cancelled = oneEvent(document, 'mm-booking-cancelled') as Promise<MmBookingCancelledEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    // The confirm step first (loaded with the first cancel): nothing is sent until its "Cancel
    // session"; Escape would keep it.
    await waitUntil(() => el.shadowRoot!.querySelector('dialog.confirm[open]'), 'confirm step');
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.confirm')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.textContent).to.contain('this cannot be undone');
    expect(calls).to.have.length(0);
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await cancelled).detail.booking.status).to.equal('cancelled');
    expect(calls[0]!.body).to.deep.equal({ reason: 'Solved it myself' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h3')?.textContent).to.equal('Your session is cancelled.');
    expect(el.shadowRoot!.querySelector('[part~="cancel-button"]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('keeps a reason past the limit whole, says by how much in Spanish and cancels nothing', async () => {
    const b = booking();
    const { client, calls } = fakeApi({});
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation locale="es" .client=${client} .booking=${b}></mm-confirmation>`,
    );
    const reason = el.shadowRoot!.querySelector<HTMLInputElement>('#reason')!;
    await paste(el, reason, 'r'.repeat(1200));
    expect(reason.value).to.have.length(1200);
    expect(el.shadowRoot!.querySelector('#reason-count')!.textContent).to.equal(
      '1200 / 500 700 caracteres de más: no se ha cortado nada, acórtalo para enviarlo.',
    );
    expect(reason.getAttribute('aria-invalid')).to.equal('true');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(el.shadowRoot!.activeElement).to.equal(reason);
    await expect(el).to.be.accessible();
  });

  it('reports a failed cancellation in Spanish', async () => {
    const b = booking();
    const { client } = fakeApi({
      [`POST /v1/bookings/${b.id}/cancel`]: () => problem(404, 'not_found', 'Not Found', 'No such booking.'),
    });
    const el = await fixture<MmConfirmation>(
      html`<mm-confirmation locale="es" .client=${client} .booking=${b}></mm-confirmation>`,
    );
    expect(el.shadowRoot!.querySelector('h3')?.textContent).to.equal('Reserva confirmada');
    const failed = oneEvent(el, 'mm-error') as Promise<MmErrorEvent>;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="cancel-button"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog.confirm[open]'), 'confirm step');
    el.shadowRoot!.querySelector<HTMLButtonElement>('dialog.confirm [part~="confirm-button"]')!.click();
    expect((await failed).detail).to.include({ step: 'cancel', code: 'not_found' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal(
      'Ese elemento ya no existe.',
    );
    await expect(el).to.be.accessible();
  });
});
