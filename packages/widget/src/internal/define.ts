/** Defines an element once: loading the widget twice (script tag + ESM import) is harmless. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
