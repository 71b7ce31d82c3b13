import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MmErrorEvent } from '../events/mm-error.js';
import type { MmRequestCreatedEvent } from '../events/mm-request-created.js';
import { fakeApi, helpRequest, json, problem, threeMatches } from '../test-support/fake-api.js';
import { paste } from '../test-support/paste.js';
import type { MmRequestForm } from './request-form.js';
import './request-form.js';

function $(el: MmRequestForm) {
  const root = el.shadowRoot!;
  return {
    title: root.querySelector<HTMLInputElement>('#title')!,
    details: root.querySelector<HTMLTextAreaElement>('#details')!,
    submit: root.querySelector<HTMLButtonElement>('[part~="submit-button"]')!,
    radio: (name: string, value: string) =>
      root.querySelector<HTMLInputElement>(`input[name="${name}"][value="${value}"]`)!,
    text: () => root.textContent ?? '',
  };
}

describe('<mm-request-form>', () => {
  it('has labelled fields, format and urgency radios, and passes axe', async () => {
    const el = await fixture<MmRequestForm>(html`<mm-request-form locale="en"></mm-request-form>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('label[for="title"]')?.textContent).to.equal('What are you stuck on?');
    expect(root.querySelectorAll('input[name="format"]')).to.have.length(3);
    expect(root.querySelectorAll('input[name="urgency"]')).to.have.length(4);
    expect($(el).radio('format', 'video').checked).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('refuses an empty title, says why, and sends nothing', async () => {
    const { client, calls } = fakeApi({});
    const el = await fixture<MmRequestForm>(
      html`<mm-request-form locale="en" .client=${client}></mm-request-form>`,
    );
    $(el).title.value = '   ';
    $(el).submit.click();
    await el.updateComplete;
    expect($(el).title.getAttribute('aria-invalid')).to.equal('true');
    expect($(el).title.getAttribute('aria-describedby')).to.equal('title-error');
    expect(el.shadowRoot!.querySelector('#title-error')?.textContent).to.equal(
      'Say in a few words what you are stuck on.',
    );
    expect(el.shadowRoot!.activeElement?.id).to.equal('title');
    expect(calls).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('sends title, details, format, urgency and context, then emits mm-request-created', async () => {
    const matches = threeMatches();
    const { client, calls } = fakeApi({
      'POST /v1/requests': (call) => json(201, { request: helpRequest(call.body as object), matches }),
    });
    const context = { pageTitle: 'Lesson 4: Joins', topic: 'sql-joins', courseId: 'sql-101', lessonId: 'l4' };
    const titles = { topic: 'SQL joins', course: 'SQL 101' };
    const el = await fixture<MmRequestForm>(
      html`<mm-request-form locale="en" .client=${client} .context=${context} .titles=${titles}></mm-request-form>`,
    );
    // Titles, never ids: the lesson has no title, so it is left out rather than shown as "l4".
    const items = Array.from(el.shadowRoot!.querySelectorAll('.context li'), (li) => li.textContent);
    expect(items).to.deep.equal(['Page: Lesson 4: Joins', 'Topic: SQL joins', 'Course: SQL 101']);
    for (const id of ['sql-joins', 'sql-101', 'l4']) expect($(el).text()).not.to.contain(id);
    $(el).title.value = '  LEFT JOIN returns duplicate rows ';
    $(el).details.value = 'I join orders to customers.';
    $(el).radio('format', 'chat').click();
    $(el).radio('urgency', 'today').click();
    const submitted = oneEvent(el, 'mm-request-submit');
    const created = oneEvent(document, 'mm-request-created') as Promise<MmRequestCreatedEvent>;
    $(el).submit.click();
    await submitted;
    const event = await created;
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.matches).to.have.length(3);
    expect(calls).to.have.length(1);
    expect(calls[0]!.headers['X-User-Token']).to.equal('jwt.learner');
    expect(calls[0]!.body).to.deep.equal({
      title: 'LEFT JOIN returns duplicate rows',
      details: 'I join orders to customers.',
      format: 'chat',
      urgency: 'today',
      context,
    });
  });

  it('shows an SDK error in plain words and emits mm-error', async () => {
    const { client } = fakeApi({
      'POST /v1/requests': () => problem(401, 'token_expired', 'Unauthorized', 'The user token has expired.'),
    });
    const el = await fixture<MmRequestForm>(
      html`<mm-request-form locale="en" .client=${client}></mm-request-form>`,
    );
    $(el).title.value = 'Help with joins';
    const failed = oneEvent(el, 'mm-error') as Promise<MmErrorEvent>;
    $(el).submit.click();
    const event = await failed;
    expect(event.detail.step).to.equal('request');
    expect(event.detail.code).to.equal('token_expired');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal(
      'Your sign-in has expired. Reload the page and try again.',
    );
    expect($(el).submit.disabled).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('shows a counter near a limit, keeps a paste past it whole, says by how much and sends nothing', async () => {
    const { client, calls } = fakeApi({
      'POST /v1/requests': () => json(201, { request: helpRequest(), matches: [] }),
    });
    const el = await fixture<MmRequestForm>(
      html`<mm-request-form locale="en" .client=${client}></mm-request-form>`,
    );
    const root = el.shadowRoot!;
    const count = (id: string) => root.querySelector(`#${id}`);
    await paste(el, $(el).title, 'Help with joins');
    await paste(el, $(el).details, 'x'.repeat(3000));
    // Far from the limit: no counter.
    expect(count('details-count')).to.be.null;
    // Typed on at the end of the details (they still have focus).
    document.execCommand('insertText', false, 'x'.repeat(980));
    await el.updateComplete;
    expect(count('details-count')!.textContent).to.equal('3,980 / 4,000');
    expect($(el).details.getAttribute('aria-describedby')).to.equal('details-hint details-count');
    expect($(el).details.getAttribute('aria-invalid')).to.equal('false');

    // A paste past the limit stays whole, and the counter says it is too long, as an alert.
    await paste(el, $(el).details, 'y'.repeat(5000));
    expect($(el).details.value).to.have.length(5000);
    expect(count('details-count')!.textContent).to.equal(
      '5,000 / 4,000 1,000 characters too many: nothing was cut, shorten it to send.',
    );
    expect(count('details-count')!.querySelector('[role="alert"]')).to.exist;
    expect($(el).details.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // Submitting sends nothing and puts focus on the field that is too long.
    $(el).title.focus();
    $(el).submit.click();
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(root.activeElement?.id).to.equal('details');

    // The title's limit too: 201 characters is one too many.
    await paste(el, $(el).details, 'Fits now');
    await paste(el, $(el).title, 't'.repeat(201));
    expect(count('details-count')).to.be.null;
    expect(count('title-count')!.textContent).to.equal(
      '201 / 200 1 character too many: nothing was cut, shorten it to send.',
    );
    $(el).submit.click();
    await el.updateComplete;
    expect(calls).to.have.length(0);
    expect(root.activeElement?.id).to.equal('title');

    $(el).title.value = 't'.repeat(200);
    $(el).title.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await el.updateComplete;
    expect(count('title-count')!.textContent).to.equal('200 / 200');
    const created = oneEvent(el, 'mm-request-created');
    $(el).submit.click();
    await created;
    expect(calls[0]!.body).to.deep.include({ title: 't'.repeat(200), details: 'Fits now' });
  });

  it('speaks Spanish with locale="es"', async () => {
    const el = await fixture<MmRequestForm>(html`<mm-request-form locale="es"></mm-request-form>`);
    expect(el.shadowRoot!.querySelector('label[for="title"]')?.textContent).to.equal(
      '¿En qué te has atascado?',
    );
    expect($(el).submit.textContent?.trim()).to.equal('Buscar mentor');
    expect($(el).text()).to.contain('Videollamada');
    await expect(el).to.be.accessible();
  });
});
