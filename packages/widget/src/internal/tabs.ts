import { html, type TemplateResult } from 'lit';

/** The tab an arrow/Home/End key moves to in a horizontal tablist, or undefined for other keys. */
export function tabForKey<T>(key: string, tabs: readonly T[], current: T): T | undefined {
  const index = tabs.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return tabs[(index + 1) % tabs.length];
    case 'ArrowLeft':
      return tabs[(index - 1 + tabs.length) % tabs.length];
    case 'Home':
      return tabs[0];
    case 'End':
      return tabs[tabs.length - 1];
    default:
      return undefined;
  }
}

/**
 * A console's tablist: one tab stop (the selected tab), arrows/Home/End move and focus, each tab
 * controlling the one `#panel` beside it.
 */
export function tabList<T extends string>(options: {
  label: string;
  tabs: readonly T[];
  current: T;
  names: Record<T, string>;
  /** Shows a tab; `focus` when the keyboard moved there (focus the tab once it is rendered). */
  select: (tab: T, focus: boolean) => void;
}): TemplateResult {
  const { label, tabs, current, names, select } = options;
  const onKey = (event: KeyboardEvent): void => {
    const next = tabForKey(event.key, tabs, current);
    if (!next) return;
    event.preventDefault();
    select(next, true);
  };
  return html`<div role="tablist" aria-label=${label} @keydown=${onKey}>
    ${tabs.map(
      (tab) => html`<button
        part="tab"
        role="tab"
        id="tab-${tab}"
        aria-selected=${current === tab ? 'true' : 'false'}
        aria-controls="panel"
        tabindex=${current === tab ? '0' : '-1'}
        @click=${() => select(tab, false)}
      >
        ${names[tab]}
      </button>`,
    )}
  </div>`;
}
