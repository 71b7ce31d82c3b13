import { css } from 'lit';

/** A console's frame (the mentor and the admin console): the box, its title and the tablist. */
export const consoleShellStyles = css`
  :host {
    color: var(--_fg);
  }

  .console {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    padding: var(--_s4);
    background: var(--_bg);
  }

  h2 {
    margin: 0;
    font-size: var(--_xl);
  }

  /* One row at every width: on a phone the tabs scroll sideways instead of wrapping. */
  [role='tablist'] {
    display: flex;
    gap: var(--_s1);
    margin: var(--_s3) 0;
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
