import { css } from 'lit';

/** A console's frame (the mentor and the admin console): the box, its title and the tablist. */
export const consoleShellStyles = css`
  :host {
    color: var(--mm-text, #111827);
  }

  .console {
    border: 1px solid var(--mm-border, #d1d5db);
    border-radius: var(--_radius);
    padding: 16px;
    background: var(--mm-background, #fff);
  }

  h2 {
    margin: 0;
    font-size: 1.25em;
  }

  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 4px;
    margin: 12px 0;
    border-bottom: 1px solid var(--mm-border, #d1d5db);
  }

  [role='tab'] {
    border: none;
    border-bottom: 3px solid transparent;
    border-radius: 0;
    background: none;
  }

  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
`;
