import { describe, expect, it } from 'vitest';
import { checkWebhookUrl, isLocalHostName, isPrivateAddress, webhookHost } from './url-policy.js';

describe('webhook address policy', () => {
  it.each([
    // IPv4 special-purpose registry
    '0.0.0.0',
    '0.1.2.3',
    '10.0.0.1',
    '100.64.0.1',
    '100.127.255.254',
    '127.0.0.1',
    '127.255.0.9',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.254',
    '192.0.0.8',
    '192.0.2.2',
    '192.31.196.1',
    '192.52.193.1',
    '192.88.99.1',
    '192.168.0.1',
    '192.175.48.1',
    '198.18.0.1',
    '198.19.255.254',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    // IPv6 special-purpose registry
    '::',
    '::1',
    '[::1]',
    '::7f00:1', // IPv4-compatible 127.0.0.1
    '::8.8.8.8', // IPv4-compatible, whatever it embeds
    '::ffff:127.0.0.1',
    '::ffff:a00:1',
    '0:0:0:0:0:ffff:7f00:1',
    '::ffff:8.8.8.8', // every IPv4-mapped address
    '::ffff:0:7f00:1', // IPv4-translated
    '64:ff9b::7f00:1',
    '64:ff9b::808:808',
    '64:ff9b:1::1',
    '100::1',
    '2001::1', // Teredo
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    '2001:10::1',
    '2001:db8::1',
    '2002:7f00:1::1', // 6to4 of 127.0.0.1
    '2002:a00:1::1', // 6to4 of 10.0.0.1
    '3fff::1',
    'fc00::1',
    'fdff:ffff::1',
    'fe80::1',
    'febf::1',
    'fec0::1', // site-local
    'feff::1',
    'ff02::1',
    'FF05::1:3',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.15.255.255',
    '172.32.0.1',
    '192.0.3.1',
    '192.169.0.1',
    '169.255.0.1',
    '198.20.0.1',
    '203.0.114.1',
    '2606:4700::1111',
    '2a00:1450:4001::1',
    '2001:4860:4860::8888',
  ])('allows %s', (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });

  it('knows local host names', () => {
    for (const name of [
      'localhost',
      'LOCALHOST.',
      'localhost...',
      'db.localhost',
      'db.localhost..',
      'printer.local',
      'intranet',
      'x.internal',
    ]) {
      expect(isLocalHostName(name), name).toBe(true);
    }
    expect(isLocalHostName('hooks.example.com')).toBe(false);
  });

  it('reads the host a URL really names: trailing dots gone, odd address spellings read as addresses', () => {
    const host = (url: string) => webhookHost(new URL(url));
    expect(host('https://Hooks.Example.COM.../x')).toBe('hooks.example.com');
    expect(host('https://127.0.0.1../x')).toBe('127.0.0.1');
    expect(host('https://0x7f.1../x')).toBe('127.0.0.1');
    expect(host('https://2130706433./x')).toBe('127.0.0.1');
    expect(host('https://0177.0.0.1/x')).toBe('127.0.0.1');
    expect(host('https://[::FFFF:0:7F00:1]/x')).toBe('::ffff:0:7f00:1');
    expect(host('https://bücher.example/x')).toBe('xn--bcher-kva.example');
  });

  it.each([
    'https://127.0.0.1/',
    'https://2130706433/',
    'https://0x7f.1/',
    'https://0x7F000001/',
    'https://017700000001/',
    'https://127.1/',
    'https://127.0.0.1../',
    'https://192.0.2.2.../',
    'https://localhost../',
    'https://LocalHost/',
    'https://a.b.localhost./',
    'https://[::7f00:1]/',
    'https://[::ffff:0:7f00:1]/',
    'https://[::ffff:127.0.0.1]/',
    'https://[2002:c000:202::]/',
    'https://[fec0::1]/',
    'https://１２７.０.０.１/',
  ])('refuses to save %s', (url) => {
    expect(() => checkWebhookUrl(url, { allowPrivate: false })).toThrow(
      expect.objectContaining({ code: 'webhook_url_not_allowed' }),
    );
  });

  it('saves public names and addresses', () => {
    for (const url of ['https://hooks.example.com/in', 'https://hooks.example.com./in', 'https://8.8.8.8/']) {
      expect(checkWebhookUrl(url, { allowPrivate: false }).href).toBe(url);
    }
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
