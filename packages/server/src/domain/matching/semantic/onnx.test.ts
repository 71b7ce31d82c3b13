import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeTinyOnnxModel } from '../../../../test/support/tiny-onnx-model.js';
import { ONNX_RUNTIME_PACKAGE, onnxProvider, onnxRuntimeMissing } from './onnx.js';
import { inspectOnnxFolder, onnxOutputWidth } from './onnx-folder.js';
import { embeddingProviderFrom } from './provider-from-setting.js';

let root: string;
let tiny: string;
// A stand-in "model hub" on loopback: transformers.js is pointed at it, so any remote look-up it
// tried would land here instead of leaving the machine.
let hub: Server;
let hubRequests: string[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mm-onnx-'));
  tiny = join(root, 'tiny-bert');
  await writeTinyOnnxModel(tiny);
  hub = createServer((req, res) => {
    hubRequests.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => hub.listen(0, '127.0.0.1', done));
  const { env } = await import('@huggingface/transformers');
  env.remoteHost = `http://127.0.0.1:${(hub.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((done) => hub.close(done));
  await rm(root, { recursive: true, force: true });
});

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('the ONNX folder provider', () => {
  it('loads the folder from disk only and embeds texts to unit vectors of the model’s width', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    hubRequests = [];
    try {
      const provider = onnxProvider({ folder: tiny });
      expect(provider.id).toMatch(/^onnx:tiny-bert:[0-9a-f]{12}$/);
      expect(provider.dimensions).toBe(16);
      expect(provider.languages).toEqual([]);
      expect(provider.loaded).toBe(false);

      const [sqlQuestion, sqlProfile, reactProfile] = await provider.embed([
        'How do I make my slow SQL query faster?',
        'I tune PostgreSQL query plans and teach joins and indexes.',
        'I debug double-firing effects in React strict mode.',
      ]);
      expect(provider.loaded).toBe(true);
      for (const v of [sqlQuestion!, sqlProfile!, reactProfile!]) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v).toHaveLength(16);
        expect(Math.hypot(...v)).toBeCloseTo(1, 5);
      }
      expect(dot(sqlQuestion!, sqlProfile!)).toBeGreaterThan(0.8);
      expect(dot(sqlQuestion!, sqlProfile!)).toBeGreaterThan(dot(sqlQuestion!, reactProfile!) + 0.5);
      // Same text, same vector: one batch or another.
      const [again] = await provider.embed(['How do I make my slow SQL query faster?']);
      expect(dot(again!, sqlQuestion!)).toBeCloseTo(1, 5);
    } finally {
      fetchSpy.mockRestore();
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(hubRequests).toEqual([]);
  });

  it('reports a folder whose weights went missing after startup, without asking any hub', async () => {
    const folder = join(root, 'vanishing');
    await cp(tiny, folder, { recursive: true });
    const problems: string[] = [];
    const provider = onnxProvider({ folder, onLoadError: (e) => problems.push(e.message) });
    await rm(join(folder, 'onnx', 'model.onnx'));
    hubRequests = [];
    await expect(provider.embed(['sql'])).rejects.toThrow(/could not be loaded/);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`The embedding model "${provider.id}" could not be loaded`);
    expect(hubRequests).toEqual([]);
  });

  it('reports a corrupt model when it loads, once, so matching goes on by keywords', async () => {
    const folder = join(root, 'corrupt');
    await cp(tiny, folder, { recursive: true });
    await writeFile(join(folder, 'onnx', 'model.onnx'), 'this is not an onnx model');
    const problems: string[] = [];
    const provider = onnxProvider({ folder, onLoadError: (e) => problems.push(e.message) });
    // The width comes from config.json when the graph cannot be read.
    expect(provider.dimensions).toBe(16);
    await expect(provider.embed(['sql'])).rejects.toThrow(/could not be loaded/);
    await expect(provider.embed(['sql'])).rejects.toThrow(/could not be loaded/);
    expect(problems).toHaveLength(1);
    expect(provider.loaded).toBe(false);
  });

  it('reads the width from the graph’s output, not from what config.json claims', async () => {
    const folder = join(root, 'narrow');
    await writeTinyOnnxModel(folder, { dimensions: 12, configHiddenSize: 999 });
    expect(onnxOutputWidth(join(folder, 'onnx', 'model.onnx'))).toBe(12);
    const provider = onnxProvider({ folder, languages: ['en', 'es'] });
    expect(provider.dimensions).toBe(12);
    expect(provider.languages).toEqual(['en', 'es']);
    const [vector] = await provider.embed(['salary raise']);
    expect(vector).toHaveLength(12);
  });

  it('names the model in its id, so a changed model re-embeds every profile', async () => {
    const first = inspectOnnxFolder(tiny);
    expect(inspectOnnxFolder(tiny).id).toBe(first.id);
    const copy = join(root, 'copy', 'tiny-bert');
    await cp(tiny, copy, { recursive: true });
    expect(inspectOnnxFolder(copy).id).toBe(first.id); // same name, same files: same vectors

    await writeTinyOnnxModel(copy, { dimensions: 20 });
    const retrained = inspectOnnxFolder(copy);
    expect(retrained.id).toMatch(/^onnx:tiny-bert:[0-9a-f]{12}$/);
    expect(retrained.id).not.toBe(first.id);

    await writeTinyOnnxModel(copy);
    await mkdir(join(copy, '1_Pooling'));
    await writeFile(
      join(copy, '1_Pooling', 'config.json'),
      JSON.stringify({ pooling_mode_cls_token: true, pooling_mode_mean_tokens: false }),
    );
    const cls = inspectOnnxFolder(copy);
    expect(cls.pooling).toBe('cls');
    expect(cls.id).not.toBe(first.id);
  });

  it('refuses an incomplete folder when the provider is made, naming what is missing', async () => {
    const folder = join(root, 'incomplete');
    await cp(tiny, folder, { recursive: true });
    await rm(join(folder, 'tokenizer.json'));
    expect(() => onnxProvider({ folder })).toThrow(`${folder} has no tokenizer.json`);
    expect(() => onnxProvider({ folder: join(root, 'nowhere') })).toThrow(/is not a folder/);
    await cp(join(tiny, 'tokenizer.json'), join(folder, 'tokenizer.json'));
    await writeFile(join(folder, 'tokenizer_config.json'), '{not json');
    expect(() => onnxProvider({ folder })).toThrow(
      `${join(folder, 'tokenizer_config.json')} is not valid JSON`,
    );
  });

  it('finds the runtime package without loading it, and says what to install when it is not there', () => {
    expect(onnxRuntimeMissing()).toBeUndefined();
    expect(onnxRuntimeMissing('@huggingface/no-such-runtime')).toBe(
      '@huggingface/no-such-runtime is not installed beside the server (npm install @huggingface/no-such-runtime@^4.3.2)',
    );
    expect(ONNX_RUNTIME_PACKAGE).toBe('@huggingface/transformers');
  });

  it('is what MICROMENTOR_EMBEDDINGS=onnx:<folder> makes', () => {
    const provider = embeddingProviderFrom({ provider: 'onnx', folder: tiny, languages: ['en'] });
    expect(provider).toMatchObject({ id: inspectOnnxFolder(tiny).id, dimensions: 16, languages: ['en'] });
  });
});
