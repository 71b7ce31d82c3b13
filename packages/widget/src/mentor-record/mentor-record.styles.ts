import { css } from 'lit';

export const mentorRecordStyles = css`
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    list-style: none;
    margin: 0 0 12px;
    padding: 0;
  }

  .badges li {
    border: 1px solid var(--_dv);
    border-radius: 999px;
    padding: 4px 12px;
  }

  .badges .meta {
    margin-inline-start: 6px;
  }
`;
