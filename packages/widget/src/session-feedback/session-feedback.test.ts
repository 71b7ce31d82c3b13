import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MmFeedbackSubmittedDetail } from '../events/mm-follow-up.js';
import { followUpApi } from '../internal/follow-up-api.js';
import { fakeApi, json, problem } from '../test-support/fake-api.js';
import { paste } from '../test-support/paste.js';
import type { MmSessionFeedback } from './session-feedback.js';
import './session-feedback.js';

async function feedback(routes: Parameters<typeof fakeApi>[0], locale = 'en') {
  const { client, calls } = fakeApi(routes);
  const el = await fixture<MmSessionFeedback>(
    html`<mm-session-feedback locale=${locale} booking-id="bkg_past" .api=${followUpApi(client)}></mm-session-feedback>`,
  );
  return { el, calls, root: el.shadowRoot! };
}

describe('<mm-session-feedback>', () => {
  it('asks whether the problem is solved once rated, then sends rating, solved and comment once', async () => {
    const { el, calls, root } = await feedback({
      'POST /v1/bookings/bkg_past/feedback': (call) => json(201, { id: 'fb_1', ...(call.body as object) }),
    });
    await expect(el).to.be.accessible();
    const sent: MmFeedbackSubmittedDetail[] = [];
    el.addEventListener('mm-feedback-submitted', (e) => sent.push(e.detail));
    root.querySelector<HTMLInputElement>('input[aria-label="5 stars"]')!.click();
    await el.updateComplete;
    expect(root.querySelectorAll('.stars label.on')).to.have.length(5);
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'solved missing');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Say whether your problem is solved.');
    expect(calls).to.have.length(0);
    root.querySelector<HTMLInputElement>('input[name=solved][value=partly]')!.click();
    root.querySelector('textarea')!.value = '  Clear and patient.  ';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=status]'), 'thanks');
    expect(calls.map((c) => c.body)).to.deep.equal([
      { rating: 5, solved: 'partly', comment: 'Clear and patient.' },
    ]);
    expect(sent).to.deep.equal([{ bookingId: 'bkg_past', rating: 5, solved: 'partly' }]);
    expect(root.querySelector('form')).to.be.null;
  });

  it('counts the comment near its limit and keeps a paste past it whole, said and not sent', async () => {
    const { el, calls, root } = await feedback({
      'POST /v1/bookings/bkg_past/feedback': (call) => json(201, { id: 'fb_1', ...(call.body as object) }),
    });
    root.querySelector<HTMLInputElement>('input[aria-label="4 stars"]')!.click();
    root.querySelector<HTMLInputElement>('input[name=solved][value=yes]')!.click();
    const comment = root.querySelector('textarea')!;
    await paste(el, comment, 'c'.repeat(2500));
    expect(comment.value).to.have.length(2500);
    expect(root.querySelector('#comment-count')!.textContent).to.equal(
      '2,500 / 2,000 500 characters too many: nothing was cut, shorten it to send.',
    );
    expect(comment.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(root.activeElement).to.equal(comment);
    await paste(el, comment, 'c'.repeat(1900));
    expect(root.querySelector('#comment-count')!.textContent).to.equal('1,900 / 2,000');
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => calls.length === 1, 'sent');
    expect(calls[0]!.body).to.deep.equal({ rating: 4, solved: 'yes', comment: 'c'.repeat(1900) });
  });

  it('keeps the form and shows the server’s words when the feedback is refused, in Spanish too', async () => {
    const { root } = await feedback(
      {
        'POST /v1/bookings/bkg_past/feedback': () =>
          problem(409, 'feedback_exists', 'Conflict', 'Ya has valorado esta sesión.'),
      },
      'es',
    );
    expect(root.querySelector('legend')!.textContent).to.equal('¿Cuánto te ayudó?');
    root.querySelector<HTMLInputElement>('input[aria-label="3 estrellas"]')!.click();
    root.querySelector<HTMLInputElement>('input[name=solved][value=yes]')!.click();
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'error');
    expect(root.querySelector('[role=alert]')!.textContent).to.equal('Ya has valorado esta sesión.');
    expect(root.querySelector('form')).to.exist;
  });
});
