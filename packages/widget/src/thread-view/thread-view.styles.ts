import { css } from 'lit';

export const threadStyles = css`
  .messages {
    list-style: none;
    margin: var(--_s3) 0;
    padding: 0;
    display: grid;
    gap: var(--_s2);
    max-height: 360px;
    overflow-y: auto;
  }

  .messages li {
    max-width: 85%;
    padding: var(--_s2) var(--_s3);
    border-radius: var(--_r);
    background: color-mix(in srgb, var(--_fg) 8%, var(--_bg));
  }

  .messages li.mine {
    justify-self: end;
    background: color-mix(in srgb, var(--_a) 18%, var(--_bg));
  }

  .messages p {
    margin: 0 0 var(--_s1);
  }

  .thread-head {
    border-bottom: 1px solid var(--_dv);
    padding-bottom: var(--_s2);
    margin: var(--_s2) 0;
  }

  .thread-head h3 {
    margin: 0 0 var(--_s1);
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
    gap: var(--_s2);
    text-align: start;
  }

  /* A pill on one line beside the name, never squeezed into a wrapped circle on a phone. */
  .badge {
    flex: none;
    white-space: nowrap;
    background: var(--_a);
    color: var(--_af);
    border-radius: 999px;
    padding: 0 var(--_s2);
    font-size: var(--_sm);
  }
`;
