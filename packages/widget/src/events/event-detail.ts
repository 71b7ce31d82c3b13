/** The `detail` of the `mm-` event `K` as `HTMLElementEventMap` declares it (never for other events). */
export type MmEventDetail<K extends keyof HTMLElementEventMap> =
  HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never;
