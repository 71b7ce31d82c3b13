import { css } from 'lit';

export const auditLogStyles = css`
  /* On a phone the table scrolls sideways: a region the keyboard can reach and scroll. */
  .table {
    overflow-x: auto;
  }

  table {
    border-collapse: collapse;
    width: 100%;
  }

  caption {
    text-align: start;
  }

  th,
  td {
    border-bottom: 1px solid var(--_dv);
    padding: var(--_s2);
    text-align: start;
    vertical-align: top;
  }

  td code {
    overflow-wrap: anywhere;
  }
`;
