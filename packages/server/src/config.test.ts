import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_REPLY_KEY, loadConfig } from './config.js';

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

  it('in production, needs a relay while email is on, and not once it is off', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /SMTP_URL: email is on, and in production it needs a relay/,
    );
    expect(loadConfig({ NODE_ENV: 'production', MICROMENTOR_EMAIL: 'off' }).email).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:25' }).email).toBe(true);
    expect(loadConfig({}).email).toBe(true); // development: the local mailbox
  });

  it('refuses a relay that is not an SMTP URL, saying which variable is wrong', () => {
    expect(() => loadConfig({ SMTP_URL: 'https://smtp.example.org' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
  });
});

describe('reply by email configuration', () => {
  const SECRET = 'a-production-secret-key-0123456789';

  it('is off by default, and with the port set to nothing', () => {
    for (const env of [{}, { MICROMENTOR_INBOUND_SMTP_PORT: '', MICROMENTOR_INBOUND_DOMAIN: '' }]) {
      const config = loadConfig(env);
      expect(config.inboundSmtpPort).toBeUndefined();
      expect(config.inboundDomain).toBeUndefined();
      expect(config.replyKey).toBeUndefined();
    }
  });

  it('takes a port, a domain (lowercased) and signs with the server secret; listens on loopback by default', () => {
    const config = loadConfig({
      MICROMENTOR_INBOUND_SMTP_PORT: '2525',
      MICROMENTOR_INBOUND_DOMAIN: 'Reply.Example.org',
      MICROMENTOR_SECRET_KEY: SECRET,
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://127.0.0.1:25',
    });
    expect(config).toMatchObject({
      inboundSmtpPort: 2525,
      inboundSmtpHost: '127.0.0.1',
      inboundDomain: 'reply.example.org',
      replyKey: SECRET,
    });
    expect(
      loadConfig({ MICROMENTOR_INBOUND_SMTP_PORT: '0', MICROMENTOR_INBOUND_DOMAIN: 'localhost' })
        .inboundSmtpPort,
    ).toBe(0);
  });

  it('composes reply addresses without a listener when only the domain is set (another process listens)', () => {
    const config = loadConfig({
      MICROMENTOR_INBOUND_DOMAIN: 'reply.example.org',
      MICROMENTOR_SECRET_KEY: SECRET,
    });
    expect(config.inboundSmtpPort).toBeUndefined();
    expect(config.replyKey).toBe(SECRET);
  });

  it('refuses a port without a domain, a port out of range and a domain that is none, saying which variable', () => {
    expect(() => loadConfig({ MICROMENTOR_INBOUND_SMTP_PORT: '2525' })).toThrow(
      /MICROMENTOR_INBOUND_DOMAIN: is required with MICROMENTOR_INBOUND_SMTP_PORT/,
    );
    for (const port of ['65536', '-1', 'smtp', '25.5']) {
      expect(() =>
        loadConfig({ MICROMENTOR_INBOUND_SMTP_PORT: port, MICROMENTOR_INBOUND_DOMAIN: 'reply.example.org' }),
      ).toThrow(/MICROMENTOR_INBOUND_SMTP_PORT: must be a port number/);
    }
    expect(() => loadConfig({ MICROMENTOR_INBOUND_DOMAIN: 'reply@example.org' })).toThrow(
      /MICROMENTOR_INBOUND_DOMAIN: must be a domain name/,
    );
  });

  it('needs the server secret in production; in development it signs with a stand-in key', () => {
    const inbound = {
      MICROMENTOR_INBOUND_SMTP_PORT: '2525',
      MICROMENTOR_INBOUND_DOMAIN: 'reply.example.org',
    };
    expect(() => loadConfig({ ...inbound, NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:25' })).toThrow(
      /MICROMENTOR_SECRET_KEY: is required for reply by email in production/,
    );
    expect(loadConfig(inbound).replyKey).toBe(DEVELOPMENT_REPLY_KEY);
  });
});

describe('proxy configuration', () => {
  const hops = (value?: string) => {
    const limits = loadConfig(value === undefined ? {} : { MICROMENTOR_TRUST_PROXY: value }).rateLimit;
    return limits === false ? undefined : limits.proxyHops;
  };

  it('trusts no proxy by default: the socket address is the client', () => {
    expect(hops()).toBe(0);
    expect(hops('')).toBe(0);
    expect(hops('false')).toBe(0);
    expect(hops('off')).toBe(0);
  });

  it('takes a number of proxy hops, and reads the old switch `true`/`on` as one', () => {
    expect(hops('1')).toBe(1);
    expect(hops('2')).toBe(2);
    expect(hops('true')).toBe(1);
    expect(hops('on')).toBe(1);
  });

  it('refuses anything else, saying which variable is wrong', () => {
    for (const value of ['yes', '-1', '1.5', '11']) {
      expect(() => loadConfig({ MICROMENTOR_TRUST_PROXY: value }), value).toThrow(
        /MICROMENTOR_TRUST_PROXY: must be a number of proxy hops/,
      );
    }
  });
});

describe('shutdown and live-event stream limits', () => {
  it('default to a 10 s shutdown bound, 10 streams per user and 1 000 per key', () => {
    expect(loadConfig({})).toMatchObject({
      shutdownTimeoutMs: 10_000,
      sseMaxPerUser: 10,
      sseMaxPerKey: 1_000,
    });
  });

  it('take other values, and refuse what is not a whole number in range, saying which variable', () => {
    expect(
      loadConfig({
        MICROMENTOR_SHUTDOWN_TIMEOUT_MS: '2500',
        MICROMENTOR_SSE_MAX_PER_USER: '3',
        MICROMENTOR_SSE_MAX_PER_KEY: '50',
      }),
    ).toMatchObject({ shutdownTimeoutMs: 2_500, sseMaxPerUser: 3, sseMaxPerKey: 50 });
    expect(() => loadConfig({ MICROMENTOR_SHUTDOWN_TIMEOUT_MS: 'soon' })).toThrow(
      /MICROMENTOR_SHUTDOWN_TIMEOUT_MS:/,
    );
    expect(() => loadConfig({ MICROMENTOR_SHUTDOWN_TIMEOUT_MS: '-1' })).toThrow(
      /MICROMENTOR_SHUTDOWN_TIMEOUT_MS:/,
    );
    expect(() => loadConfig({ MICROMENTOR_SSE_MAX_PER_USER: '0' })).toThrow(/MICROMENTOR_SSE_MAX_PER_USER:/);
    expect(() => loadConfig({ MICROMENTOR_SSE_MAX_PER_KEY: '1.5' })).toThrow(/MICROMENTOR_SSE_MAX_PER_KEY:/);
  });
});

describe('embeddings configuration', () => {
  it('matches by meaning with use-lite by default, and by keywords only when off', () => {
    expect(loadConfig({})).toMatchObject({ embeddings: 'use-lite', embeddingsMaxVectors: 300_000 });
    expect(loadConfig({ MICROMENTOR_EMBEDDINGS: '' }).embeddings).toBe('use-lite');
    expect(loadConfig({ MICROMENTOR_EMBEDDINGS: 'off' }).embeddings).toBe('off');
    expect(loadConfig({ MICROMENTOR_EMBEDDINGS_MAX_VECTORS: '50000' }).embeddingsMaxVectors).toBe(50_000);
  });

  it('searches vectors where the database can (auto) unless told memory or pgvector', () => {
    expect(loadConfig({}).vectorSearch).toBe('auto');
    expect(loadConfig({ MICROMENTOR_VECTOR_SEARCH: 'memory' }).vectorSearch).toBe('memory');
    expect(loadConfig({ MICROMENTOR_VECTOR_SEARCH: 'pgvector' }).vectorSearch).toBe('pgvector');
    expect(() => loadConfig({ MICROMENTOR_VECTOR_SEARCH: 'faiss' })).toThrow(/MICROMENTOR_VECTOR_SEARCH:/);
  });

  it('refuses a provider it does not know, naming the ones it does', () => {
    expect(() => loadConfig({ MICROMENTOR_EMBEDDINGS: 'minilm' })).toThrow(
      'MICROMENTOR_EMBEDDINGS: must be "off", "use-lite" or "onnx:<model folder>"',
    );
    expect(() => loadConfig({ MICROMENTOR_EMBEDDINGS: 'onnx:' })).toThrow(/MICROMENTOR_EMBEDDINGS: must be/);
  });

  it('takes an ONNX model folder (onnx:<folder>, relative to the working directory) and its languages', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mm-config-onnx-'));
    try {
      const folder = join(root, 'my-model');
      await mkdir(join(folder, 'onnx'), { recursive: true });
      for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'onnx/model.onnx']) {
        await writeFile(join(folder, file), '{}');
      }
      expect(loadConfig({ MICROMENTOR_EMBEDDINGS: `onnx:${folder}` }).embeddings).toEqual({
        provider: 'onnx',
        folder,
        languages: [],
      });
      expect(
        loadConfig({
          MICROMENTOR_EMBEDDINGS: `onnx:${relative(process.cwd(), folder)}`,
          MICROMENTOR_EMBEDDINGS_LANGUAGES: 'en, ES,fr',
        }).embeddings,
      ).toEqual({ provider: 'onnx', folder, languages: ['en', 'es', 'fr'] });
      expect(() =>
        loadConfig({ MICROMENTOR_EMBEDDINGS: `onnx:${folder}`, MICROMENTOR_EMBEDDINGS_LANGUAGES: 'english' }),
      ).toThrow(/MICROMENTOR_EMBEDDINGS_LANGUAGES.*: must be language tags such as en,es,fr/);

      // A folder that is not a complete export stops the server at startup, saying what is missing.
      await rm(join(folder, 'onnx', 'model.onnx'));
      expect(() => loadConfig({ MICROMENTOR_EMBEDDINGS: `onnx:${folder}` })).toThrow(
        `MICROMENTOR_EMBEDDINGS: ${folder} has no onnx/model.onnx`,
      );
      expect(() => loadConfig({ MICROMENTOR_EMBEDDINGS: `onnx:${join(root, 'nope')}` })).toThrow(
        `MICROMENTOR_EMBEDDINGS: ${join(root, 'nope')} is not a folder`,
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
