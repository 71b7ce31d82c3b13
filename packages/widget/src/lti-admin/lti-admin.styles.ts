import { css } from 'lit';

export const ltiAdminStyles = css`
  section {
    margin-top: var(--_s5);
  }

  h4 {
    margin: 0 0 var(--_s2);
  }

  .card h5,
  .reglink h5 {
    margin: 0 0 var(--_s2);
    font-size: 1em;
  }

  /* Values to paste: the label above, the URL (broken anywhere on a phone) beside its copy button. */
  dl {
    margin: 0;
  }

  .values {
    display: grid;
    gap: var(--_s3);
  }

  .values dt {
    font-weight: 600;
  }

  .values dd,
  .copyable {
    margin: var(--_s1) 0 0;
    display: flex;
    gap: var(--_s2);
    align-items: center;
  }

  /* Dynamic registration: a link made on demand, under the fixed values. */
  .reglink {
    margin-top: var(--_s4);
    display: grid;
    gap: var(--_s2);
    justify-items: start;
  }

  .reglink p {
    margin: 0;
  }

  .reglink .copyable {
    justify-self: stretch;
  }

  code {
    overflow-wrap: anywhere;
  }

  .values code,
  .copyable code {
    flex: 1;
    padding: var(--_s1) var(--_s2);
    border: 1px solid var(--_dv);
    border-radius: var(--_rs);
  }

  .facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: var(--_s1) var(--_s3);
    margin-bottom: var(--_s3);
  }

  .facts dt {
    color: var(--_mu);
  }

  .facts dd {
    margin: 0;
    min-width: 0;
  }

  /* The form: one field per row, its label above, its hint and message below, at most ~40em wide. */
  form.platform {
    margin-top: var(--_s5);
    display: grid;
    gap: var(--_s3);
    max-width: 40em;
  }

  .fields,
  fieldset {
    display: grid;
    gap: var(--_s3);
    min-width: 0;
    margin: 0;
  }

  .field-label {
    align-content: start;
  }

  .field-label .meta,
  .field-label .error {
    display: block;
    font-weight: 400;
    overflow-wrap: anywhere;
  }

  textarea {
    font-family: ui-monospace, monospace;
  }

  input[type='radio'] {
    width: auto;
  }

  .guide {
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    padding: var(--_s2) var(--_s3);
    margin-bottom: var(--_s2);
  }

  .guide summary {
    cursor: pointer;
    font-weight: 600;
  }

  .guide li {
    margin: var(--_s2) 0;
  }

  @media (max-width: 480px) {
    .facts {
      grid-template-columns: 1fr;
    }

    .facts dd {
      margin-bottom: var(--_s2);
    }
  }
`;
