import { createCipheriv, createDecipheriv, createHash, randomBytes, scryptSync } from 'node:crypto';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Unbiased random base62 string (rejection sampling on bytes). */
export function randomBase62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

export type KeyPrefix = 'pk' | 'sk' | 'ids';

export function generateKey(prefix: KeyPrefix): string {
  return `${prefix}_${randomBase62(32)}`;
}

/** API keys are high-entropy random strings, so one SHA-256 is enough (no salt or KDF needed). */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** What we show for a key that can no longer be read: its kind and first characters. */
export function keyDisplayPrefix(key: string): string {
  return `${key.slice(0, key.indexOf('_') + 5)}…`;
}

/**
 * Seals secrets that must stay usable (identity secrets). With a server key configured
 * (MICROMENTOR_SECRET_KEY) they are encrypted with AES-256-GCM; without one (local
 * development) they are stored marked `plain:` so an operator can tell and re-seal later.
 */
export class SecretBox {
  readonly #key: Buffer | null;

  constructor(serverKey: string | undefined) {
    this.#key = serverKey ? scryptSync(serverKey, 'micromentor-secret-box', 32) : null;
  }

  /** Whether `seal` encrypts (a server key is configured) rather than only marking `plain:`. */
  get encrypts(): boolean {
    return this.#key !== null;
  }

  seal(plain: string): string {
    if (!this.#key) return `plain:${plain}`;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open(sealed: string): string {
    if (sealed.startsWith('plain:')) return sealed.slice('plain:'.length);
    if (!sealed.startsWith('v1:')) throw new Error('unknown secret format');
    if (!this.#key) throw new Error('MICROMENTOR_SECRET_KEY is required to read encrypted secrets');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
