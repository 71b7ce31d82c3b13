import { css } from 'lit';

export const sessionFeedbackStyles = css`
  .stars {
    display: inline-flex;
    gap: 2px;
  }
  .stars label {
    display: inline-block;
    cursor: pointer;
    font-size: var(--_2xl);
    color: var(--_bd);
  }
  .stars input {
    position: absolute;
    opacity: 0;
  }
  .stars label.on {
    color: color-mix(in srgb, #d97706 80%, var(--_fg));
  }
  .stars input:focus-visible + span {
    outline: 3px solid var(--_a);
    outline-offset: 2px;
  }
`;
