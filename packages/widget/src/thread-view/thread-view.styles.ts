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
    background: var(--mm-surface-muted, #f3f4f6);
  }

  .messages li.mine {
    justify-self: end;
    background: var(--mm-accent-soft, #e0e7ff);
  }

  .messages p {
    margin: 0 0 4px;
  }

  button.thread {
    width: 100%;
    display: flex;
    justify-content: space-between;
    text-align: start;
  }

  .badge {
    background: var(--_a);
    color: #fff;
    border-radius: 999px;
    padding: 0 8px;
    font-size: 0.85em;
  }
`;
