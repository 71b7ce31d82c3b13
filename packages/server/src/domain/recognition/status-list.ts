import { gzipSync } from 'node:zlib';
import { VC_CONTEXT } from './credential.js';

/**
 * W3C Bitstring Status List v1.0, purpose `revocation`: each issued credential holds one bit
 * (`statusListIndex`) of a list of STATUS_LIST_SIZE bits (16 KB, the spec's minimum, so one bit
 * says nothing about how many credentials exist); bit set = revoked. Lists are numbered from 1.
 */
export const STATUS_LIST_SIZE = 131_072;

export const statusListUrl = (issuer: string, list: number): string => `${issuer}/status/${list}`;
export const listOf = (index: number): number => Math.floor(index / STATUS_LIST_SIZE) + 1;

/**
 * The spec's `encodedList`: the bitstring (index 0 = the first byte's most significant bit),
 * GZIP-compressed, base64url without padding, with the multibase prefix `u`.
 */
export function encodeStatusList(revokedOffsets: Iterable<number>): string {
  const bits = Buffer.alloc(STATUS_LIST_SIZE / 8);
  for (const offset of revokedOffsets) {
    if (offset < 0 || offset >= STATUS_LIST_SIZE) throw new RangeError(`status offset ${offset} out of list`);
    bits[offset >> 3]! |= 0x80 >> (offset & 7);
  }
  return `u${gzipSync(bits).toString('base64url')}`;
}

/** The unsigned BitstringStatusListCredential (secured like the badges, see signCredential). */
export function buildStatusListCredential(input: {
  issuer: string;
  list: number;
  validFrom: Date;
  revokedOffsets: Iterable<number>;
}): Record<string, unknown> {
  const id = statusListUrl(input.issuer, input.list);
  return {
    '@context': [VC_CONTEXT[0]],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: input.issuer,
    validFrom: input.validFrom.toISOString(),
    credentialSubject: {
      id: `${id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: encodeStatusList(input.revokedOffsets),
    },
  };
}
