import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('email configuration', () => {
  it('sends nowhere by default: the local outbox, from a local sender', () => {
    const config = loadConfig({});
    expect(config.smtpUrl).toBeUndefined();
    expect(config.mailFrom).toBe('Micromentor <noreply@localhost>');
  });

  it('takes an smtp:// or smtps:// relay and a sender', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://mailer:secret@smtp.example.org:465',
      MICROMENTOR_MAIL_FROM: 'Academy <noreply@example.org>',
    });
    expect(config.smtpUrl).toBe('smtps://mailer:secret@smtp.example.org:465');
    expect(config.mailFrom).toBe('Academy <noreply@example.org>');
    expect(loadConfig({ SMTP_URL: 'smtp://127.0.0.1:25' }).smtpUrl).toBe('smtp://127.0.0.1:25');
  });

  it('refuses a relay that is not an SMTP URL, saying which variable is wrong', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://smtp.example.org' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});
