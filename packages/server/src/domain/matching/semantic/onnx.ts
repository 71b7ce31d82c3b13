import { createRequire } from 'node:module';
import { basename, dirname } from 'node:path';
import { inspectOnnxFolder, type OnnxPooling } from './onnx-folder.js';
import { type EmbeddingModel, type EmbeddingProvider, lazyProvider } from './provider.js';

/** The package that runs ONNX folders: an optional peer dependency, installed by the operator. */
export const ONNX_RUNTIME_PACKAGE = '@huggingface/transformers';

export interface OnnxProviderOptions {
  /** The model folder (absolute): config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx. */
  folder: string;
  /** Primary language tags the model understands; empty or absent: any language. */
  languages?: readonly string[];
  onLoadError?: (error: Error) => void;
}

/**
 * Why the runtime package cannot be used, or undefined when it can be found from the server (it
 * is only located here, not loaded).
 */
export function onnxRuntimeMissing(packageName: string = ONNX_RUNTIME_PACKAGE): string | undefined {
  try {
    createRequire(import.meta.url).resolve(packageName);
    return undefined;
  } catch {
    return `${packageName} is not installed beside the server (npm install ${packageName}@^4.3.2)`;
  }
}

// transformers.js reads its settings from one global `env`: loads are taken one at a time so two
// folders never see each other's path.
let loading: Promise<unknown> = Promise.resolve();

/**
 * Loads the folder with transformers.js on CPU (onnxruntime-node), local files only: remote models
 * are switched off before anything is read, so a missing file is an error, never a download.
 * Imported here, on first use, so a process with this provider off never loads the runtime.
 */
async function loadOnnxFolder(folder: string, pooling: OnnxPooling): Promise<EmbeddingModel> {
  let transformers: typeof import('@huggingface/transformers');
  try {
    transformers = await import('@huggingface/transformers');
  } catch (error) {
    throw new Error(
      `${onnxRuntimeMissing() ?? ONNX_RUNTIME_PACKAGE}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const { env, pipeline } = transformers;
  const load = loading.then(async () => {
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${dirname(folder)}/`;
    return pipeline('feature-extraction', basename(folder), { dtype: 'fp32', device: 'cpu' });
  });
  loading = load.catch(() => {});
  const extractor = await load;
  return {
    async embed(texts) {
      const output = await extractor([...texts], { pooling, normalize: true });
      return output.tolist() as number[][];
    },
  };
}

/**
 * An operator's own model (`MICROMENTOR_EMBEDDINGS=onnx:<folder>`). The folder is checked and
 * hashed now, so a bad folder stops the server at startup; the runtime and weights load on first
 * use, and a failed load is reported (matching goes on by keywords) like any provider's.
 */
export function onnxProvider(options: OnnxProviderOptions): EmbeddingProvider & { readonly loaded: boolean } {
  const missing = onnxRuntimeMissing();
  if (missing) throw new Error(`MICROMENTOR_EMBEDDINGS=onnx:${options.folder}: ${missing}`);
  const model = inspectOnnxFolder(options.folder);
  return lazyProvider({
    id: model.id,
    dimensions: model.dimensions,
    languages: options.languages ?? [],
    load: () => loadOnnxFolder(model.folder, model.pooling),
    ...(options.onLoadError ? { onLoadError: options.onLoadError } : {}),
  });
}
