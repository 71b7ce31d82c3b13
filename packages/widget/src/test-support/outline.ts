// The headings a reader meets, in order, through shadow roots and slots: "h3 Action items".
// Only headings that are shown count (a hidden step's are not read).

const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

export function outline(root: Element | ShadowRoot): string[] {
  const out: string[] = [];
  const visitElement = (el: Element): void => {
    if (/^H[1-6]$/.test(el.tagName)) {
      if (el.checkVisibility()) out.push(`${el.tagName.toLowerCase()} ${text(el)}`);
      return;
    }
    if (el instanceof HTMLSlotElement) {
      for (const assigned of el.assignedElements()) visitElement(assigned);
      return;
    }
    visitChildren(el.shadowRoot ?? el);
  };
  const visitChildren = (node: Element | ShadowRoot): void => {
    for (const child of Array.from(node.children)) visitElement(child);
  };
  visitChildren(root);
  return out;
}

/** The space between the bottom of `above` and the top of `below`, in CSS pixels. */
export function gap(above: Element, below: Element): number {
  return below.getBoundingClientRect().top - above.getBoundingClientRect().bottom;
}
