import { BlockList, isIP } from 'node:net';
import { InvalidInputError } from '../errors.js';

/**
 * Where webhooks may not go: every range of the IANA IPv4 and IPv6 Special-Purpose Address
 * Registries (loopback, private, shared, link-local, documentation, benchmarking, multicast,
 * reserved, …), so a tenant cannot make the server probe its own network (SSRF). IPv6 forms
 * that carry an IPv4 address (mapped, compatible, translated, NAT64, 6to4, Teredo) are refused
 * as whole ranges: no receiver needs them, and checking the embedded address is then moot.
 * `BlockList` parses every spelling of an address. One list per family: a list holding
 * `::ffff:0:0/96` would also match every IPv4 address (it checks them in their mapped form).
 */
const blockedV4 = new BlockList();
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (carrier-grade NAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.31.196.0', 24], // AS112
  ['192.52.193.0', 24], // AMT
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // private
  ['192.175.48.0', 24], // direct delegation AS112
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 (broadcast)
] as const) {
  blockedV4.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated): ::7f00:1
  ['::ffff:0:0', 96], // IPv4-mapped
  ['::ffff:0:0:0', 96], // IPv4-translated (SIIT): ::ffff:0:7f00:1
  ['64:ff9b::', 96], // NAT64 well-known prefix
  ['64:ff9b:1::', 48], // NAT64 local use
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments, Teredo (2001::/32) included
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 (embeds an IPv4 address)
  ['3fff::', 20], // documentation
  ['5f00::', 16], // segment routing (SRv6) SIDs
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  blockedV6.addSubnet(net, prefix, 'ipv6');
}

/** True for an address a webhook must not be sent to (see the ranges above). */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blockedV4.check(bare, 'ipv4');
  if (family === 6) return blockedV6.check(bare, 'ipv6');
  return true; // not an address at all: refuse rather than guess
}

/** Host names that always mean "this machine or its network". */
export function isLocalHostName(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.+$/, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h.endsWith('.local') ||
    h.endsWith('.internal') ||
    h.endsWith('.home.arpa') ||
    !h.includes('.')
  );
}

/**
 * The host a URL really names: lowercased and IDNA-mapped by the URL parser, every trailing dot
 * removed, and read again as an address, since `127.0.0.1..` or `0x7f.1..` are names to the
 * URL parser but addresses to a resolver once the dots are gone. IPv6 literals lose their
 * brackets.
 */
export function webhookHost(url: URL): string {
  if (url.hostname.startsWith('[')) return url.hostname.slice(1, -1);
  const trimmed = url.hostname.replace(/\.+$/, '');
  try {
    return new URL(`http://${trimmed}/`).hostname;
  } catch {
    return trimmed; // not even a host name: no address, and refused as a local name
  }
}

/** True when a URL's host is a local name or a refused address literal (see above). */
export function isRefusedHost(url: URL): boolean {
  const host = webhookHost(url);
  return isIP(host) ? isPrivateAddress(host) : isLocalHostName(host);
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
 * and not a local name or special-purpose address literal (in any spelling). Names are
 * resolved again, and every address checked, at each delivery (a name may point elsewhere
 * later: DNS rebinding).
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
  if (!policy.allowPrivate && isRefusedHost(url)) {
    throw new WebhookUrlNotAllowedError(
      `Webhooks cannot be sent to ${url.hostname}: local names and private, loopback, link-local, ` +
        'documentation and other special-purpose addresses are refused.',
    );
  }
  return url;
}
