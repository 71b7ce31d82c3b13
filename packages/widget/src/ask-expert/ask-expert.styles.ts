import { css, unsafeCSS } from 'lit';
import { tokens } from '../styles/base.js';
import { LAUNCHER_CSS } from '../styles/launcher.js';

export const askExpertStyles = [
  tokens,
  css`
    ${unsafeCSS(LAUNCHER_CSS)}

    button {
      padding: var(--_s3) var(--_s4);
    }

    [part~='panel'] {
      box-sizing: border-box;
      width: min(28rem, calc(100vw - 32px));
      max-height: calc(100vh - 32px);
      overflow: auto;
      border: 0;
      border-radius: var(--_r);
      padding: var(--_s5);
      background: var(--_bg);
      color: inherit;
      font: inherit;
      box-shadow: var(--_z3);
    }

    [part~='panel']::backdrop {
      background: rgb(15 23 42 / 0.45);
    }

    @media (max-width: 480px) {
      [part~='panel'] {
        width: 100vw;
        max-width: none;
        height: 100dvh;
        max-height: none;
        margin: 0;
        border-radius: 0;
        padding: var(--_s4);
      }
    }

    h2 {
      margin: 0 0 var(--_s2);
      font-size: var(--_xl);
    }

    .topic {
      margin: 0 0 var(--_s2);
      color: var(--_mu);
      overflow-wrap: anywhere;
    }

    .offline,
    .intro {
      margin: 0 0 var(--_s3);
    }

    mm-match-list,
    mm-confirmation {
      margin-bottom: var(--_s3);
    }

    .footer {
      display: flex;
      justify-content: space-between;
      gap: var(--_s2);
      margin-top: var(--_s4);
    }
  `,
];
