import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A tiny sentence-embedding model folder laid out as a Hugging Face ONNX export (config.json,
 * tokenizer.json, tokenizer_config.json, onnx/model.onnx), written by hand so tests need no
 * download: a BERT-shaped graph whose `last_hidden_state` is a row of an embedding table per
 * token (`Gather(table, input_ids)`), and a WordLevel tokenizer over a small vocabulary. Words of
 * one topic get nearby rows, so texts about the same topic in different words come out close.
 */

/** Topics and their words: every word of a topic embeds near the topic's own axis. */
export const TINY_TOPICS: Record<string, readonly string[]> = {
  data: ['sql', 'database', 'query', 'queries', 'postgresql', 'plans', 'joins', 'indexes', 'tables', 'slow'],
  frontend: ['react', 'effects', 'hooks', 'strict', 'mode', 'component', 'render', 'twice', 'double'],
  pay: ['pay', 'salary', 'raise', 'compensation', 'negotiate', 'boss', 'package', 'offer', 'higher', 'money'],
  speaking: ['stakeholders', 'presentation', 'talk', 'audience', 'slides', 'speaking', 'pitch', 'nervous'],
};
/** Words with no topic (function words): they embed weakly on an axis shared by all. */
const FILLER = [
  'i',
  'my',
  'how',
  'do',
  'to',
  'the',
  'a',
  'and',
  'help',
  'with',
  'for',
  'more',
  'should',
  'ask',
];
const SPECIAL = ['[PAD]', '[UNK]'];

export interface TinyModelOptions {
  /** Width of the hidden state; at least the number of topics + 2 (default 16). */
  dimensions?: number;
  /** `hidden_size` written to config.json (default: the real width). */
  configHiddenSize?: number;
}

/** The vocabulary in id order. */
export function tinyVocabulary(): string[] {
  return [...SPECIAL, ...Object.values(TINY_TOPICS).flat(), ...FILLER];
}

/** Writes the model folder at `folder` (created) and returns its dimensions. */
export async function writeTinyOnnxModel(folder: string, options: TinyModelOptions = {}): Promise<number> {
  const topics = Object.keys(TINY_TOPICS);
  const dimensions = options.dimensions ?? 16;
  if (dimensions < topics.length + 2) throw new Error('too few dimensions for the topics');
  const vocabulary = tinyVocabulary();
  const table = new Float32Array(vocabulary.length * dimensions);
  vocabulary.forEach((word, id) => {
    const row = table.subarray(id * dimensions, (id + 1) * dimensions);
    const topic = topics.findIndex((t) => TINY_TOPICS[t]!.includes(word));
    if (topic >= 0) {
      row[topic] = 1;
      // A small, word-specific wobble so words of a topic are close, not identical.
      row[topics.length + 1 + (id % (dimensions - topics.length - 1))] = 0.15;
    } else if (word !== '[PAD]') {
      row[topics.length] = 0.3; // filler and unknown words: weak, on the shared extra axis
    }
  });
  await mkdir(join(folder, 'onnx'), { recursive: true });
  await writeFile(
    join(folder, 'onnx', 'model.onnx'),
    bertShapedGatherModel(table, vocabulary.length, dimensions),
  );
  await writeFile(
    join(folder, 'config.json'),
    JSON.stringify({
      model_type: 'bert',
      architectures: ['BertModel'],
      hidden_size: options.configHiddenSize ?? dimensions,
      vocab_size: vocabulary.length,
    }),
  );
  await writeFile(join(folder, 'tokenizer.json'), JSON.stringify(wordLevelTokenizer(vocabulary)));
  await writeFile(
    join(folder, 'tokenizer_config.json'),
    JSON.stringify({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 128,
      pad_token: '[PAD]',
      unk_token: '[UNK]',
    }),
  );
  return dimensions;
}

function wordLevelTokenizer(vocabulary: readonly string[]): unknown {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL.map((content, id) => ({
      id,
      content,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'BertNormalizer',
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: null,
    decoder: null,
    model: {
      type: 'WordLevel',
      vocab: Object.fromEntries(vocabulary.map((w, i) => [w, i])),
      unk_token: '[UNK]',
    },
  };
}

// --- A minimal protobuf writer, enough for an ONNX ModelProto ------------------------------

function varint(value: number | bigint): number[] {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    out.push(byte);
  } while (v > 0n);
  return out;
}
const key = (field: number, wire: 0 | 2) => varint((field << 3) | wire);
const int = (field: number, value: number | bigint) => [...key(field, 0), ...varint(value)];
function bytes(field: number, payload: Uint8Array | number[]): number[] {
  return [...key(field, 2), ...varint(payload.length), ...payload];
}
const str = (field: number, value: string) => bytes(field, [...new TextEncoder().encode(value)]);

const FLOAT = 1;
const INT64 = 7;

/** ValueInfoProto of a tensor whose dims are names (symbolic) or sizes. */
function tensorValueInfo(name: string, elemType: number, dims: readonly (string | number)[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, typeof d === 'string' ? str(2, d) : int(1, d)));
  const tensorType = [...int(1, elemType), ...bytes(2, shape)];
  return [...str(1, name), ...bytes(2, bytes(1, tensorType))];
}

function bertShapedGatherModel(table: Float32Array, vocabularySize: number, dimensions: number): Uint8Array {
  const initializer = [
    ...int(1, vocabularySize),
    ...int(1, dimensions),
    ...int(2, FLOAT),
    ...str(8, 'embeddings.word_embeddings.weight'),
    ...bytes(9, new Uint8Array(table.buffer, table.byteOffset, table.byteLength)),
  ];
  const gather = [
    ...str(1, 'embeddings.word_embeddings.weight'),
    ...str(1, 'input_ids'),
    ...str(2, 'last_hidden_state'),
    ...str(3, 'gather_embeddings'),
    ...str(4, 'Gather'),
  ];
  const graph = [
    ...bytes(1, gather),
    ...str(2, 'tiny-bert'),
    ...bytes(5, initializer),
    ...bytes(11, tensorValueInfo('input_ids', INT64, ['batch_size', 'sequence_length'])),
    ...bytes(11, tensorValueInfo('attention_mask', INT64, ['batch_size', 'sequence_length'])),
    ...bytes(12, tensorValueInfo('last_hidden_state', FLOAT, ['batch_size', 'sequence_length', dimensions])),
  ];
  const model = [
    ...int(1, 8), // ir_version
    ...str(2, 'micromentor-tests'),
    ...bytes(7, graph),
    ...bytes(8, [...str(1, ''), ...int(2, 13)]), // opset_import: ai.onnx 13
  ];
  return Uint8Array.from(model);
}
