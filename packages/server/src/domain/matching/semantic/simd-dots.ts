/**
 * Dot products of one query with many stored vectors, four float lanes at a time (WebAssembly
 * SIMD, on by default since Node 16.4): a full scan of 100k × 512 takes a fraction of what the
 * plain JavaScript loop does. The module is a few dozen bytes assembled below, so there is no
 * build step and nothing to download; where WebAssembly SIMD is missing, `simdDots()` says so
 * and the caller scans in JavaScript.
 *
 * The kernel: `dots(q, m, n, d, out)` — byte offsets into the memory it is given; for each of
 * the `n` rows of `d` floats from `m`, out[row] = Σ m[row][i] · q[i]. `d` must be a multiple of 4.
 */

const I32 = 0x7f;
const V128 = 0x7b;
const SIMD = 0xfd;

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => [...uleb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];

// Locals: parameters 0–4 (q, m, n, d, out), then row, mp (row pointer), qp, qEnd, acc.
const [Q, M, N, D, OUT, ROW, MP, QP, QEND, ACC] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const i32 = (n: number) => [0x41, ...uleb(n)]; // small non-negative constants only (< 64)
const I32_ADD = 0x6a;
const I32_SHL = 0x74;
const I32_GE_U = 0x4f;
const I32_LT_U = 0x49;
const F32_ADD = 0x92;
const V128_LOAD = [SIMD, 0x00, 0x04, 0x00];
const F32X4_SPLAT = [SIMD, 0x13];
const F32X4_ADD = [SIMD, ...uleb(228)];
const F32X4_MUL = [SIMD, ...uleb(230)];
const lane = (i: number) => [SIMD, 0x1f, i];

const BODY = [
  ...vec([
    [4, I32],
    [1, V128],
  ]),
  ...get(M),
  ...set(MP),
  // qEnd = q + d * 4
  ...get(Q),
  ...get(D),
  ...i32(2),
  I32_SHL,
  I32_ADD,
  ...set(QEND),
  0x02,
  0x40, // block
  0x03,
  0x40, // loop over rows
  ...get(ROW),
  ...get(N),
  I32_GE_U,
  0x0d,
  1, // br_if out of the block
  0x43,
  0,
  0,
  0,
  0, // f32.const 0
  ...F32X4_SPLAT,
  ...set(ACC),
  ...get(Q),
  ...set(QP),
  0x03,
  0x40, // loop over the row's floats, four at a time
  ...get(ACC),
  ...get(MP),
  ...V128_LOAD,
  ...get(QP),
  ...V128_LOAD,
  ...F32X4_MUL,
  ...F32X4_ADD,
  ...set(ACC),
  ...get(MP),
  ...i32(16),
  I32_ADD,
  ...set(MP),
  ...get(QP),
  ...i32(16),
  I32_ADD,
  ...tee(QP),
  ...get(QEND),
  I32_LT_U,
  0x0d,
  0, // br_if back to the inner loop
  0x0b, // end inner loop
  // out[row] = acc.0 + acc.1 + acc.2 + acc.3
  ...get(OUT),
  ...get(ROW),
  ...i32(2),
  I32_SHL,
  I32_ADD,
  ...get(ACC),
  ...lane(0),
  ...get(ACC),
  ...lane(1),
  F32_ADD,
  ...get(ACC),
  ...lane(2),
  F32_ADD,
  ...get(ACC),
  ...lane(3),
  F32_ADD,
  0x38,
  0x02,
  0x00, // f32.store align=4 offset=0
  ...get(ROW),
  ...i32(1),
  I32_ADD,
  ...set(ROW),
  0x0c,
  0, // br to the row loop
  0x0b, // end row loop
  0x0b, // end block
  0x0b, // end function
];

const MODULE = new Uint8Array([
  0x00,
  0x61,
  0x73,
  0x6d,
  0x01,
  0x00,
  0x00,
  0x00,
  ...section(1, vec([[0x60, ...vec([[I32], [I32], [I32], [I32], [I32]]), 0x00]])),
  ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, 0x00]])),
  ...section(3, vec([[0x00]])),
  ...section(7, vec([[...name('dots'), 0x00, 0x00]])),
  ...section(10, vec([[...uleb(BODY.length), ...BODY]])),
]);

export type DotsFunction = (q: number, m: number, n: number, d: number, out: number) => void;

/** A WebAssembly memory: its bytes (the server compiles without the DOM's WebAssembly types). */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** The part of the WebAssembly global used here. */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}

const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;

/** The compiled kernel, or null where this runtime has no WebAssembly SIMD. */
function kernel(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasm?.validate(MODULE) ? new wasm.Module(MODULE) : null;
    } catch {
      compiled = null;
    }
  }
  return compiled;
}

/** A memory of `pages` × 64 KiB for the kernel; throws past WebAssembly's limit. */
export function wasmMemory(pages: number): WasmMemory {
  if (!wasm) throw new Error('no WebAssembly');
  return new wasm.Memory({ initial: pages });
}

/** Whether dot products run in WebAssembly SIMD here. */
export function simdAvailable(): boolean {
  return kernel() !== null;
}

/** The kernel bound to `memory`; null without WebAssembly SIMD. */
export function simdDots(memory: WasmMemory): DotsFunction | null {
  const module = kernel();
  if (!module || !wasm) return null;
  const instance = new wasm.Instance(module, { env: { memory } });
  return instance.exports.dots as DotsFunction;
}
