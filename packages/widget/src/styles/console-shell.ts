import { css } from 'lit';

/** A console's frame (the mentor and the admin console): the box, its title and the tablist. */
export const consoleShellStyles = css`
  :host {
    color: var(--_fg);
  }

  .console {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    padding: 16px;
    background: var(--_bg);
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  /* One row at every width: on a phone the tabs scroll sideways instead of wrapping. */
  [role='tablist'] {
    display: flex;
    gap: 4px;
    margin: 12px 0;
    border-bottom: 1px solid var(--_dv);
    overflow-x: auto;
    scrollbar-width: thin;
  }

  [role='tab'] {
    flex: none;
    white-space: nowrap;
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_a);
    font-weight: 600;
  }
`;
