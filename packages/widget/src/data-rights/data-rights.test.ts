import type { AdminUser, Erasure, PersonalDataExport } from '@micromentor/sdk';
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { keepThenReopen } from '../test-support/confirm-step.js';
import './data-rights.js';
import './user-data.js';
import type { DataRightsApi, MmDataRights } from './data-rights.component.js';
import type { MmUserData, UserDataApi } from './user-data.component.js';

const exported = {
  format: 'micromentor-export/1',
  exportedAt: '2026-11-26T12:00:00.000Z',
  user: { id: 'u1', name: 'Pat Learner' },
  requests: [{ title: 'Window functions' }],
} as unknown as PersonalDataExport;

/** Keeps the files the element saves instead of the browser (their links are clicked in its shadow root). */
function savedFiles(el: HTMLElement): HTMLAnchorElement[] {
  const saved: HTMLAnchorElement[] = [];
  el.shadowRoot!.addEventListener('click', (event) => {
    const target = event.target as HTMLElement;
    if (target instanceof HTMLAnchorElement && target.download) {
      event.preventDefault();
      saved.push(target);
    }
  });
  return saved;
}

const button = (el: HTMLElement, text: string) =>
  Array.from(el.shadowRoot!.querySelectorAll('button')).find((b) => b.textContent!.trim() === text)!;

function userApi(fail = false) {
  const calls: string[] = [];
  const api: DataRightsApi = {
    export: async () => {
      calls.push('export');
      return exported;
    },
    erase: async () => {
      calls.push('erase');
      if (fail) throw new TypeError('Failed to fetch');
      return {
        userId: 'u1',
        erasedAt: '2026-11-26T12:00:00.000Z',
        counts: { requests: 1 },
      } satisfies Erasure;
    },
  };
  return { api, calls };
}

describe('<mm-data-rights>', () => {
  it('downloads the user’s data as a JSON file, fetched through the client (no token in any URL)', async () => {
    const { api, calls } = userApi();
    const el = await fixture<MmDataRights>(html`<mm-data-rights locale="en" .api=${api}></mm-data-rights>`);
    await expect(el).to.be.accessible();
    const saved = savedFiles(el);
    button(el, 'Download my data').click();
    await waitUntil(() => saved.length === 1, 'saved');
    expect(calls).to.deep.equal(['export']);
    expect(saved[0]!.download).to.equal('micromentor-export-2026-11-26.json');
    expect(saved[0]!.href).to.match(/^blob:/);
    expect(await (await fetch(saved[0]!.href)).json()).to.deep.equal(exported);
    expect(el.shadowRoot!.querySelector('a[download]')).to.be.null;
    await waitUntil(
      () => el.shadowRoot!.querySelector('.ok')!.textContent === 'Your data was saved as a file.',
    );
  });

  it('asks before erasing, saying what goes and what stays; Escape keeps the account and gives focus back', async () => {
    const { api, calls } = userApi();
    const el = await fixture<MmDataRights>(html`<mm-data-rights locale="en" .api=${api}></mm-data-rights>`);
    const root = el.shadowRoot!;
    const erase = button(el, 'Erase my account');
    erase.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.be.true;
    const text = dialog.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Erase your account for good?');
    expect(text).to.contain('What you wrote: requests, messages, notes');
    expect(text).to.contain('What stays: the other people’s own messages and notes');
    expect(root.activeElement?.textContent).to.equal('Keep my account');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.be.false;
    expect(calls).to.deep.equal([]);
    expect(root.activeElement === erase, 'focus is back on the button').to.be.true;

    erase.click();
    const erased = oneEvent(el, 'mm-account-erased');
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    expect((await erased).detail).to.deep.equal({ userId: 'u1' });
    await waitUntil(() => root.querySelector('.done'), 'done');
    expect(calls).to.deep.equal(['erase']);
    expect(root.querySelector('.done')!.textContent).to.contain('Your account is erased.');
    await waitUntil(() => root.activeElement === root.querySelector('.done'), 'focus on the done message');
    // It stops using the user: no more buttons, no more calls.
    expect(root.querySelectorAll('button')).to.have.length(0);
    expect(el.api === null, 'no api').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('says so when the erasure fails, and Escape the next time does not erase', async () => {
    const { api, calls } = userApi(true);
    const el = await fixture<MmDataRights>(html`<mm-data-rights locale="es" .api=${api}></mm-data-rights>`);
    const root = el.shadowRoot!;
    button(el, 'Borrar mi cuenta').click();
    root.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => root.querySelector('[role=alert]'), 'alert');
    expect(root.querySelector('[role=alert]')!.textContent).to.contain('Algo ha fallado');
    expect(calls).to.deep.equal(['erase']);
    button(el, 'Borrar mi cuenta').click();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(calls).to.deep.equal(['erase']);
  });
});

describe('<mm-user-data>', () => {
  it('finds a user, downloads their data and erases them after a confirm', async () => {
    let users: AdminUser[] = [
      {
        id: 'u7',
        externalId: 'host-7',
        name: 'Quinn Q',
        email: 'quinn@example.org',
        roles: [],
        isGuest: false,
        createdAt: '2026-11-01T00:00:00.000Z',
        erasedAt: null,
      },
    ];
    const calls: string[] = [];
    const api: UserDataApi = {
      find: async (params) => {
        calls.push(`find ${params.q}`);
        return { data: users };
      },
      export: async (id) => {
        calls.push(`export ${id}`);
        return exported;
      },
      erase: async (id) => {
        calls.push(`erase ${id}`);
        users = [{ ...users[0]!, name: 'Erased user', email: null, erasedAt: '2026-11-26T12:00:00.000Z' }];
        return { userId: id, erasedAt: '2026-11-26T12:00:00.000Z', counts: {} };
      },
    };
    const el = await fixture<MmUserData>(html`<mm-user-data locale="en" .api=${api}></mm-user-data>`);
    const root = el.shadowRoot!;
    await expect(el).to.be.accessible();
    root.querySelector<HTMLInputElement>('input[name=q]')!.value = 'quinn';
    root.querySelector<HTMLButtonElement>('button.primary')!.click();
    await waitUntil(() => root.querySelector('li.card'), 'found');
    expect(root.querySelector('li.card')!.textContent).to.contain('quinn@example.org');
    await expect(el).to.be.accessible();

    const saved = savedFiles(el);
    button(el, 'Download data of Quinn Q').click();
    await waitUntil(() => saved.length === 1, 'saved');
    expect(saved[0]!.download).to.equal('micromentor-export-u7-2026-11-26.json');

    const erase = button(el, 'Erase Quinn Q');
    const dialog = await keepThenReopen(
      root,
      erase,
      () => el.updateComplete,
      () => calls.filter((c) => c.startsWith('erase')),
      {
        opened(open) {
          expect(open.textContent).to.contain(
            'Erase Quinn Q? Their name, email, profile and everything they wrote go',
          );
        },
      },
    );
    dialog.querySelector<HTMLButtonElement>('[part~="confirm-button"]')!.click();
    await waitUntil(() => root.querySelector('.ok')!.textContent === 'Quinn Q was erased.', 'erased');
    expect(calls).to.deep.equal(['find quinn', 'export u7', 'erase u7', 'find quinn']);
    await waitUntil(() => root.querySelector('li.card')!.textContent!.includes('erased'));
    expect(root.querySelector('li.card button')).to.be.null;
  });
});
