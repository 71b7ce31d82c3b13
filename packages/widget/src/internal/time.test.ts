import { expect } from '@open-wc/testing';
import { formatDateTime, formatRelative, formatSession, formatSoon, timeZone } from './time.js';

const MIN = 60_000;
// A Monday at 10:00 in the viewer's zone.
const now = new Date(2026, 11, 7, 10, 0).getTime();
const at = (minutes: number) => new Date(now + minutes * MIN).toISOString();

describe('internal/time', () => {
  it('says how far a time is the way people do, in English, Spanish and French', () => {
    const rel = (minutes: number, locale = 'en') => formatRelative(at(minutes), locale, now);
    expect(rel(0)).to.equal('now');
    expect(rel(40)).to.equal('in 40 minutes');
    expect(rel(115)).to.equal('in 2 hours');
    expect(rel(-10)).to.equal('10 minutes ago');
    expect(rel(23 * 60)).to.equal('tomorrow at 9:00 AM');
    expect(rel(9 * 60)).to.equal('today at 7:00 PM');
    expect(rel(3 * 24 * 60)).to.equal('in 3 days');
    expect(rel(115, 'es')).to.equal('dentro de 2 horas');
    expect(rel(23 * 60, 'es')).to.equal('mañana a las 9:00');
    expect(rel(15 * 60, 'es')).to.equal('mañana a la 1:00');
    expect(rel(115, 'fr')).to.equal('dans 2 heures');
    expect(rel(23 * 60, 'fr')).to.equal('demain à 9:00');
  });

  it('writes a session with its day, start–end and length, and one day-and-time format', () => {
    const session = { start: at(105), end: at(120) };
    expect(formatSession(session, 'en')).to.equal('Mon, Dec 7 · 11:45 AM – 12:00 PM (15 min)');
    expect(formatDateTime(at(105), 'en')).to.equal('Mon, Dec 7 · 11:45 AM');
    expect(formatSession(session, 'es')).to.match(/^lun, 7 dic · 11:45–12:00 \(15 min\)$/);
    expect(timeZone()).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('marks only starts within two hours as soon', () => {
    expect(formatSoon(at(40), 'en', now)).to.equal('in 40 minutes');
    expect(formatSoon(at(130), 'en', now)).to.be.null;
    expect(formatSoon(at(-5), 'en', now)).to.be.null;
  });
});
