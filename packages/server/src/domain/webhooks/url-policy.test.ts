import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isLocalHostName, isPrivateAddress } from './url-policy.js';

describe('webhook address policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.254',
    '192.168.0.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fc00::1',
    'fdff:ffff::1',
    'fe80::1',
    'febf::1',
    '::ffff:127.0.0.1',
    '::ffff:a00:1',
    '[::1]',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '192.169.0.1',
    '169.255.0.1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('knows local host names', () => {
    for (const name of [
      'localhost',
      'LOCALHOST.',
      'db.localhost',
      'printer.local',
      'intranet',
      'x.internal',
    ]) {
      expect(isLocalHostName(name), name).toBe(true);
    }
    expect(isLocalHostName('hooks.example.com')).toBe(false);
  });

  it('requires https unless private targets are allowed for development', () => {
    expect(() => checkWebhookUrl('http://hooks.example.com/', { allowPrivate: false })).toThrow(/https/);
    expect(checkWebhookUrl('http://127.0.0.1:8080/x', { allowPrivate: true }).href).toBe(
      'http://127.0.0.1:8080/x',
    );
    expect(() => checkWebhookUrl('https://[::1]:8443/', { allowPrivate: false })).toThrow(
      expect.objectContaining({ code: 'webhook_url_not_allowed' }),
    );
  });
});
