import { css } from 'lit';

export const mentorRecordStyles = css`
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
    list-style: none;
    margin: 0 0 var(--_s3);
    padding: 0;
  }

  .badges li {
    border: 1px solid var(--_dv);
    border-radius: 999px;
    padding: var(--_s1) var(--_s3);
  }

  .badges .meta {
    margin-inline-start: var(--_s2);
  }
`;
