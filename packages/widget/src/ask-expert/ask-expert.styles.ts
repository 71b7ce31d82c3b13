import { css, unsafeCSS } from 'lit';
import { tokens } from '../styles/base.js';
import { LAUNCHER_CSS } from '../styles/launcher.js';

export const askExpertStyles = [
  tokens,
  css`
    ${unsafeCSS(LAUNCHER_CSS)}

    button {
      padding: 10px 18px;
    }

    [part~='panel'] {
      box-sizing: border-box;
      width: min(28rem, calc(100vw - 32px));
      max-height: calc(100vh - 32px);
      overflow: auto;
      border: 0;
      border-radius: var(--_r);
      padding: 24px;
      background: var(--_bg);
      color: inherit;
      font: inherit;
      box-shadow: 0 20px 50px rgb(0 0 0 / 0.25);
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
        padding: 16px;
      }
    }

    h2 {
      margin: 0 0 8px;
      font-size: 1.25em;
    }

    .topic {
      margin: 0 0 8px;
      color: var(--_mu);
      overflow-wrap: anywhere;
    }

    .offline,
    .intro {
      margin: 0 0 12px;
    }

    mm-match-list,
    mm-confirmation {
      margin-bottom: 12px;
    }

    .footer {
      display: flex;
      justify-content: space-between;
      gap: 8px;
      margin-top: 16px;
    }
  `,
];
