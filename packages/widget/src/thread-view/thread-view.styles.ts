import { css } from 'lit';

export const threadStyles = css`
  .messages {
    list-style: none;
    margin: 12px 0;
    padding: 0;
    display: grid;
    gap: 8px;
    max-height: 360px;
    overflow-y: auto;
  }

  .messages li {
    max-width: 85%;
    padding: 8px 10px;
    border-radius: var(--_r);
    background: var(--mm-surface-muted, color-mix(in srgb, var(--_fg) 8%, var(--_bg)));
  }

  .messages li.mine {
    justify-self: end;
    background: var(--mm-accent-soft, color-mix(in srgb, var(--_a) 18%, var(--_bg)));
  }

  .messages p {
    margin: 0 0 4px;
  }

  .thread-head {
    border-bottom: 1px solid var(--_dv);
    padding-bottom: 8px;
    margin: 8px 0;
  }

  .thread-head h3 {
    margin: 0 0 4px;
  }

  .who {
    display: grid;
    gap: 2px;
  }

  button.thread {
    width: 100%;
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 8px;
    text-align: start;
  }

  /* A pill on one line beside the name, never squeezed into a wrapped circle on a phone. */
  .badge {
    flex: none;
    white-space: nowrap;
    background: var(--_a);
    color: var(--_af);
    border-radius: 999px;
    padding: 0 8px;
    font-size: 0.85em;
  }
`;
