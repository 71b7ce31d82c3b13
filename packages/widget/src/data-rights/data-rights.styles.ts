import { css } from 'lit';

/** The erase step's dialog lists what goes; the done message takes focus once erased. */
export const dataRightsStyles = css`
  .confirm ul {
    margin: 0 0 var(--_s3);
    padding-inline-start: var(--_s5);
  }

  .confirm h4 {
    margin: 0 0 var(--_s2);
  }

  .done:focus {
    outline: none;
  }
`;
