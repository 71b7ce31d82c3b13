import { css } from 'lit';

export const mentorConsoleStyles = css`
  :host {
    color: var(--mm-text, #111827);
  }

  .console {
    border: 1px solid var(--mm-border, #d1d5db);
    border-radius: var(--_radius);
    padding: 16px;
    background: var(--mm-background, #fff);
  }

  header {
    justify-content: space-between;
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

  .notice {
    padding: 8px 12px;
    border-radius: var(--_radius);
    background: #fef3c7;
    color: #78350f;
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    gap: 8px;
    margin: 0 0 16px;
  }

  .stats dt {
    color: var(--mm-muted, #4b5563);
    font-size: 0.85em;
  }

  .stats dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 600;
  }
`;
