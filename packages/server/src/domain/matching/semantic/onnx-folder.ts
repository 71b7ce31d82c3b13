import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

/**
 * A local ONNX model folder, laid out as Hugging Face exports are: read on the server's own disk,
 * never downloaded. Everything here is synchronous and cheap (the weights are hashed, not loaded),
 * so a bad folder is reported when the server starts, not at the first question.
 */

/** The files an operator's folder must have (`onnx/model.onnx` is the fp32 export). */
export const ONNX_FOLDER_FILES = [
  'config.json',
  'tokenizer.json',
  'tokenizer_config.json',
  'onnx/model.onnx',
] as const;

/** How token vectors become one sentence vector (sentence-transformers' `1_Pooling/config.json`). */
export type OnnxPooling = 'mean' | 'cls';

export interface OnnxFolder {
  folder: string;
  /** `onnx:<folder name>:<hash>`: changes when the weights, the tokenizer or the pooling change. */
  id: string;
  /** The width of the model's output (its last dimension), or `hidden_size` from config.json. */
  dimensions: number;
  pooling: OnnxPooling;
}

/** What is missing from the folder, one line each (empty: the layout is complete). */
export function onnxFolderProblems(folder: string): string[] {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [`${folder} is not a folder`];
  return ONNX_FOLDER_FILES.filter((file) => !existsSync(join(folder, file))).map(
    (file) => `${folder} has no ${file}`,
  );
}

/**
 * Reads what the provider needs to know before loading the model: its width (from the graph's
 * output, else config.json's `hidden_size`), its pooling, and a hash of what decides its vectors.
 * Throws a sentence an operator can act on when the folder is incomplete or the width unknown.
 */
export function inspectOnnxFolder(folder: string): OnnxFolder {
  const problems = onnxFolderProblems(folder);
  if (problems.length > 0) {
    throw new Error(
      `${problems.join('; ')} (expected a Hugging Face ONNX export: ${ONNX_FOLDER_FILES.join(', ')})`,
    );
  }
  const modelFile = join(folder, 'onnx', 'model.onnx');
  const [config] = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].map((file) =>
    readJsonObject(join(folder, file)),
  );
  const dimensions = onnxOutputWidth(modelFile) ?? hiddenSizeOf(config!);
  if (!dimensions) {
    throw new Error(
      `${modelFile}: cannot tell the model's width (no fixed last dimension on its output, no hidden_size in config.json)`,
    );
  }
  const pooling = poolingOf(folder);
  const hash = createHash('sha256');
  hashFile(hash, modelFile);
  hash.update('\0');
  hashFile(hash, join(folder, 'tokenizer.json'));
  hash.update(`\0${pooling}`);
  return {
    folder,
    id: `onnx:${basename(folder)}:${hash.digest('hex').slice(0, 12)}`,
    dimensions,
    pooling,
  };
}

/** A JSON object file of the folder, or an error naming it. */
function readJsonObject(file: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${file} is not a JSON object`);
  return value as Record<string, unknown>;
}

function readJson(file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function hiddenSizeOf(config: Record<string, unknown>): number | undefined {
  for (const key of ['hidden_size', 'd_model', 'dim', 'n_embd']) {
    const value = config[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  }
  return undefined;
}

/** `cls` when the folder's sentence-transformers pooling says so; mean pooling otherwise. */
function poolingOf(folder: string): OnnxPooling {
  const file = join(folder, '1_Pooling', 'config.json');
  if (!existsSync(file)) return 'mean';
  const pooling = readJson(file);
  return pooling.pooling_mode_cls_token === true && pooling.pooling_mode_mean_tokens !== true
    ? 'cls'
    : 'mean';
}

function hashFile(hash: ReturnType<typeof createHash>, file: string): void {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    let read = readSync(fd, chunk, 0, chunk.length, null);
    while (read > 0) {
      hash.update(chunk.subarray(0, read));
      read = readSync(fd, chunk, 0, chunk.length, null);
    }
  } finally {
    closeSync(fd);
  }
}

// --- The output's width, read from the ONNX protobuf without loading the weights --------------

/** Output names tried in order, as transformers.js's feature extraction does. */
const OUTPUT_NAMES = ['last_hidden_state', 'token_embeddings', 'logits'];

/**
 * The fixed last dimension of the graph's token output (ModelProto.graph.output), found by
 * skipping over everything else in the file: weights are never read into memory. Undefined when
 * the file is not a readable ONNX model or the dimension is symbolic.
 */
export function onnxOutputWidth(modelFile: string): number | undefined {
  const fd = openSync(modelFile, 'r');
  try {
    const file = new FileReader(fd, statSync(modelFile).size);
    const graph = file.fields(0, file.size).find((f) => f.field === 7 && f.wire === 2);
    if (!graph) return undefined;
    const outputs = file
      .fields(graph.start, graph.end)
      .filter((f) => f.field === 12 && f.wire === 2)
      .map((f) => valueInfo(file.bytes(f.start, f.end)));
    const output =
      OUTPUT_NAMES.map((name) => outputs.find((o) => o.name === name)).find(Boolean) ?? outputs[0];
    const last = output?.dims.at(-1);
    return typeof last === 'number' && last > 0 ? last : undefined;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

interface Field {
  field: number;
  wire: number;
  /** The payload's range in the file (for wire type 2, without its length prefix). */
  start: number;
  end: number;
  value?: number;
}

class FileReader {
  readonly #fd: number;
  readonly #head = Buffer.alloc(10);
  constructor(
    fd: number,
    readonly size: number,
  ) {
    this.#fd = fd;
  }

  bytes(start: number, end: number): Uint8Array {
    if (end - start > 1 << 20) throw new Error('message too large to be an output description');
    const out = Buffer.alloc(end - start);
    readSync(this.#fd, out, 0, out.length, start);
    return out;
  }

  /** The fields of the message at [start, end). */
  fields(start: number, end: number): Field[] {
    const out: Field[] = [];
    let at = start;
    while (at < end) {
      const head = this.#varint(at);
      at = head.next;
      const field = Math.floor(head.value / 8);
      const wire = head.value % 8;
      if (field === 0) throw new Error('not a protobuf message');
      if (wire === 0) {
        const v = this.#varint(at);
        out.push({ field, wire, start: at, end: v.next, value: v.value });
        at = v.next;
      } else if (wire === 2) {
        const length = this.#varint(at);
        out.push({ field, wire, start: length.next, end: length.next + length.value });
        at = length.next + length.value;
      } else if (wire === 1 || wire === 5) {
        const width = wire === 1 ? 8 : 4;
        out.push({ field, wire, start: at, end: at + width });
        at += width;
      } else {
        throw new Error(`unsupported wire type ${wire}`);
      }
      if (at > end) throw new Error('truncated protobuf message');
    }
    return out;
  }

  #varint(at: number): { value: number; next: number } {
    const read = readSync(this.#fd, this.#head, 0, this.#head.length, at);
    return varint(this.#head.subarray(0, read), 0, at);
  }
}

/** A varint in `bytes` at `at`; `next` is reported relative to `base` + the bytes consumed. */
function varint(bytes: Uint8Array, at: number, base = 0): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = at; i < bytes.length && i < at + 10; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    scale *= 128;
    if ((byte & 0x80) === 0) return { value, next: base + (i - at) + 1 };
  }
  throw new Error('truncated varint');
}

/** Fields of a small message held in memory. */
function messageFields(
  bytes: Uint8Array,
): Array<{ field: number; wire: number; value: number; payload: Uint8Array }> {
  const out: Array<{ field: number; wire: number; value: number; payload: Uint8Array }> = [];
  let at = 0;
  while (at < bytes.length) {
    const head = varint(bytes, at, at);
    at = head.next;
    const field = Math.floor(head.value / 8);
    const wire = head.value % 8;
    if (wire === 0) {
      const v = varint(bytes, at, at);
      out.push({ field, wire, value: v.value, payload: new Uint8Array() });
      at = v.next;
    } else if (wire === 2) {
      const length = varint(bytes, at, at);
      out.push({ field, wire, value: 0, payload: bytes.subarray(length.next, length.next + length.value) });
      at = length.next + length.value;
    } else if (wire === 1 || wire === 5) {
      at += wire === 1 ? 8 : 4;
    } else {
      throw new Error(`unsupported wire type ${wire}`);
    }
  }
  return out;
}

/** ValueInfoProto { name = 1; type = 2 { tensor_type = 1 { shape = 2 { dim = 1 { dim_value = 1 } } } } }. */
function valueInfo(bytes: Uint8Array): { name: string; dims: Array<number | undefined> } {
  const fields = messageFields(bytes);
  const name = new TextDecoder().decode(fields.find((f) => f.field === 1)?.payload ?? new Uint8Array());
  const type = fields.find((f) => f.field === 2)?.payload;
  const tensor = type && messageFields(type).find((f) => f.field === 1)?.payload;
  const shape = tensor && messageFields(tensor).find((f) => f.field === 2)?.payload;
  const dims = shape
    ? messageFields(shape)
        .filter((f) => f.field === 1)
        .map((dim) => messageFields(dim.payload).find((f) => f.field === 1 && f.wire === 0)?.value)
    : [];
  return { name, dims };
}
