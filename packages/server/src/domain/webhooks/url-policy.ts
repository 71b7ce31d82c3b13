import { BlockList, isIP } from 'node:net';
import { InvalidInputError } from '../errors.js';

/**
 * Where webhooks may not go: loopback, private, link-local, carrier-grade NAT, multicast and
 * reserved ranges, so a tenant cannot make the server probe its own network (SSRF).
 */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** An IPv4 address carried in an IPv6 one (`::ffff:10.0.0.1`, `::ffff:a00:1`), if any. */
function embeddedIpv4(address: string): string | undefined {
  const lower = address.toLowerCase();
  const dotted = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = Number.parseInt(hex[1]!, 16);
    const lo = Number.parseInt(hex[2]!, 16);
    return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
  }
  return undefined;
}

/** True for an address a webhook must not be sent to (see the ranges above). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIpv4(bare);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/** Host names that always mean "this machine or its network". */
export function isLocalHostName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h.endsWith('.local') ||
    h.endsWith('.internal') ||
    h.endsWith('.home.arpa') ||
    !h.includes('.')
  );
}

export interface WebhookUrlPolicy {
  /** Development only: allow http:// and private, loopback and link-local targets. */
  allowPrivate: boolean;
}

export class WebhookUrlNotAllowedError extends InvalidInputError {
  constructor(detail: string) {
    super(detail, [{ path: 'body.url', message: detail }], 'webhook_url_not_allowed');
  }
}

/**
 * Checks an endpoint URL when it is saved: https (http only in development), no credentials,
 * and not a local name or private address literal. Names are resolved again, and every
 * address checked, at each delivery (a name may point elsewhere later: DNS rebinding).
 */
export function checkWebhookUrl(raw: string, policy: WebhookUrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInputError('The webhook URL is not a valid absolute URL.', [
      { path: 'body.url', message: 'must be an absolute https:// URL' },
    ]);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowPrivate)) {
    throw new InvalidInputError('Webhook URLs must use https.', [
      { path: 'body.url', message: 'must be an https:// URL' },
    ]);
  }
  if (url.username || url.password) {
    throw new InvalidInputError('Webhook URLs may not carry credentials.', [
      { path: 'body.url', message: 'must not contain a user name or password' },
    ]);
  }
  if (!policy.allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) ? isPrivateAddress(host) : isLocalHostName(host)) {
      throw new WebhookUrlNotAllowedError(
        `Webhooks cannot be sent to ${url.hostname}: private, loopback and link-local targets are refused.`,
      );
    }
  }
  return url;
}
