import type { Match } from '@micromentor/sdk';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MmSlotSelectEvent } from '../events/mm-booking-created.js';
import { match } from '../test-support/fake-api.js';
import type { MmMentorCard } from './mentor-card.js';
import './mentor-card.js';

describe('<mm-mentor-card>', () => {
  it('shows initials, name, headline, rating, reasons with their codes, and slots', async () => {
    const m = match('Ada Lovelace');
    const el = await fixture<MmMentorCard>(html`<mm-mentor-card locale="en" .match=${m}></mm-mentor-card>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('.avatar')?.textContent).to.equal('AL');
    expect(root.querySelector('h4')?.textContent).to.equal('Ada Lovelace');
    expect(root.querySelector('.headline')?.textContent).to.equal('Senior data engineer');
    expect(root.querySelector('.rating')?.textContent).to.contain('★ 4.8');
    const reasons = Array.from(root.querySelectorAll('.reasons li'));
    expect(reasons.map((li) => li.textContent)).to.deep.equal([
      'Knows SQL joins',
      '8 years of experience',
      'Free in 40 minutes',
    ]);
    expect(reasons.map((li) => li.getAttribute('data-code'))).to.deep.equal([
      'skill_match',
      'experience',
      'available_soon',
    ]);
    const slots = Array.from(root.querySelectorAll<HTMLButtonElement>('[part~="slot-button"]'));
    expect(slots).to.have.length(3);
    const expected = new Intl.DateTimeFormat('en', {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(m.nextSlots[0]!.start));
    expect(slots[0]!.textContent).to.contain(expected);
    expect(slots[0]!.querySelector('.soon')?.textContent).to.equal(
      new Intl.RelativeTimeFormat('en').format(40, 'minute'),
    );
    expect(slots[2]!.querySelector('.soon')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('renders mentor text containing markup as literal text', async () => {
    const alerts: unknown[] = [];
    const originalAlert = window.alert;
    window.alert = (message?: unknown) => alerts.push(message);
    try {
      const payload = '<img src=x onerror=alert(1)>';
      const m = match('Eve <b>Evil</b>', { headline: payload });
      m.reasons = [{ code: 'skill_match', text: payload, params: {} }];
      const el = await fixture<MmMentorCard>(html`<mm-mentor-card .match=${m}></mm-mentor-card>`);
      const root = el.shadowRoot!;
      expect(root.querySelector('img')).to.be.null;
      expect(root.querySelector('b')).to.be.null;
      expect(root.querySelector('.headline')?.textContent).to.equal(payload);
      expect(root.querySelector('.reasons li')?.textContent).to.equal(payload);
      expect(root.querySelector('h4')?.textContent).to.equal('Eve <b>Evil</b>');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(alerts).to.deep.equal([]);
    } finally {
      window.alert = originalAlert;
    }
  });

  it('moves between slots with the arrow keys and picks one with Enter', async () => {
    const m = match('Ada Lovelace');
    const el = await fixture<MmMentorCard>(html`<mm-mentor-card .match=${m}></mm-mentor-card>`);
    const slots = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="slot-button"]');
    slots[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-start')).to.equal(m.nextSlots[1]!.start);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-start')).to.equal(m.nextSlots[2]!.start);
    const selected = oneEvent(el, 'mm-slot-select') as Promise<MmSlotSelectEvent>;
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail.slot).to.deep.equal(m.nextSlots[2]);
    expect(event.detail.mentor.id).to.equal(m.mentor.id);
  });

  it("shows the badges the mentor earned, in the learner's language, and none when there are none", async () => {
    const badges = [
      { code: 'first_session', earnedAt: '2026-01-05T10:00:00.000Z' },
      { code: 'five_star_streak', earnedAt: '2026-03-01T10:00:00.000Z' },
      { code: 'fast_responder', earnedAt: '2026-03-02T10:00:00.000Z' },
    ] as const;
    const en = await fixture<MmMentorCard>(
      html`<mm-mentor-card locale="en" .match=${match('Ada Lovelace', { badges: [...badges] })}></mm-mentor-card>`,
    );
    expect(en.shadowRoot!.querySelector('.badges')?.textContent).to.equal(
      '🏅 First session · Five 5-star sessions in a row · Fast responder',
    );
    await expect(en).to.be.accessible();
    const es = await fixture<MmMentorCard>(
      html`<mm-mentor-card locale="es" .match=${match('Ada Lovelace', { badges: [badges[0], { code: 'sessions_10', earnedAt: badges[0].earnedAt }] })}></mm-mentor-card>`,
    );
    expect(es.shadowRoot!.querySelector('.badges')?.textContent).to.equal('🏅 Primera sesión · 10 sesiones');
    const none = await fixture<MmMentorCard>(
      html`<mm-mentor-card .match=${match('Linus')}></mm-mentor-card>`,
    );
    expect(none.shadowRoot!.querySelector('.badges')).to.be.null;
  });

  it("leaves out a badge it has no words for (a newer server's)", async () => {
    const earnedAt = '2026-01-05T10:00:00.000Z';
    const unknown = { code: 'hundred_sessions', earnedAt } as unknown as Match['mentor']['badges'][number];
    const only = await fixture<MmMentorCard>(
      html`<mm-mentor-card locale="en" .match=${match('Ada Lovelace', { badges: [unknown] })}></mm-mentor-card>`,
    );
    expect(only.shadowRoot!.querySelector('.badges')).to.be.null;
    const mixed = await fixture<MmMentorCard>(
      html`<mm-mentor-card locale="en" .match=${match('Ada Lovelace', { badges: [unknown, { code: 'sessions_50', earnedAt }] })}></mm-mentor-card>`,
    );
    expect(mixed.shadowRoot!.querySelector('.badges')?.textContent).to.equal('🏅 50 sessions');
  });

  it('leaves out the rating when there is none and says when no time is free', async () => {
    const m = match('Linus', {
      stats: { sessions: 0, rating: null, ratingCount: 0, medianResponseMinutes: null },
    });
    m.nextSlots = [];
    const el = await fixture<MmMentorCard>(html`<mm-mentor-card locale="es" .match=${m}></mm-mentor-card>`);
    expect(el.shadowRoot!.querySelector('.rating')).to.be.null;
    expect(el.shadowRoot!.querySelector('.avatar')?.textContent).to.equal('L');
    expect(el.shadowRoot!.textContent).to.contain('Sin huecos libres en los próximos días');
    await expect(el).to.be.accessible();
  });

  it('words every known reason code in Spanish and falls back to the text for unknown ones', async () => {
    const at = new Date(Date.now() + 3 * 3600_000).toISOString();
    const m = match('Ada Lovelace');
    m.reasons = [
      { code: 'skill_match', text: 'Knows SQL joins', params: { skills: 'SQL joins' } },
      { code: 'related_skill', text: 'x', params: { skill: 'PostgreSQL', near: 'SQL' } },
      { code: 'text_match', text: 'x', params: { terms: '<b>window</b>' } },
      { code: 'on_board', text: 'x', params: { label: 'SQL' } },
      { code: 'on_board', text: 'On your board', params: { label: '' } },
      { code: 'language', text: 'Speaks Spanish and German', params: { language: 'es,de', name: 'x' } },
      { code: 'new_mentor', text: 'New mentor', params: {} },
      { code: 'experience', text: '1 year of experience', params: { years: 1 } },
      { code: 'rating', text: 'x', params: { rating: 4.5, count: 3 } },
      { code: 'rating', text: 'Not rated yet', params: { rating: 0, count: 0 } },
      { code: 'available_soon', text: 'Free now', params: { minutes: 0, at } },
      { code: 'available_soon', text: 'x', params: { minutes: 180, at } },
      { code: 'mystery_signal', text: 'Something the server knows', params: {} },
      { code: 'skill_match', text: 'Knows SQL (no params)', params: {} },
    ];
    const el = await fixture<MmMentorCard>(html`<mm-mentor-card locale="es" .match=${m}></mm-mentor-card>`);
    const items = Array.from(el.shadowRoot!.querySelectorAll('.reasons li')).map((li) => li.textContent);
    const when = new Intl.DateTimeFormat('es', {
      weekday: 'short',
      hour: 'numeric',
      minute: '2-digit',
    }).format(new Date(at));
    expect(items).to.deep.equal([
      'Sabe de SQL joins',
      'Trabaja con PostgreSQL, cercano a SQL',
      'Su perfil menciona <b>window</b>',
      'En tu consejo para SQL',
      'En tu consejo',
      'Habla español y alemán',
      'Mentor nuevo',
      '1 año de experiencia',
      'Valoración 4,5 en 3 sesiones',
      'Sin valoraciones aún',
      'Libre ahora',
      `Libre ${when}`,
      'Something the server knows',
      'Knows SQL (no params)',
    ]);
    expect(el.shadowRoot!.querySelector('.reasons b')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('words the same reasons in English from their codes, not from the text', async () => {
    const m = match('Ada Lovelace');
    m.reasons = [
      { code: 'experience', text: 'server text', params: { years: 0 } },
      { code: 'rating', text: 'server text', params: { rating: 5, count: 1 } },
      { code: 'language', text: 'server text', params: { language: 'fr' } },
      { code: 'on_board', text: 'server text', params: { label: 'SQL' } },
      { code: 'on_board', text: 'server text', params: { label: '' } },
    ];
    const el = await fixture<MmMentorCard>(html`<mm-mentor-card locale="en" .match=${m}></mm-mentor-card>`);
    const items = Array.from(el.shadowRoot!.querySelectorAll('.reasons li')).map((li) => li.textContent);
    expect(items).to.deep.equal([
      'Less than a year of experience',
      'Rated 5.0 from 1 session',
      'Speaks French',
      'On your board for SQL',
      'On your board',
    ]);
  });
});
