import { css } from 'lit';
import { tokens } from '../styles/base.js';

// Inherited properties (font, colour, line height…) cross the shadow boundary, so the host
// resets them: the widget must look the same on every host page.
export const askExpertStyles = [
  tokens,
  css`
    :host {
      display: inline-block;
      font-size: 16px;
      font-weight: 400;
      line-height: 1.5;
      letter-spacing: normal;
      text-align: start;
      text-transform: none;
    }

    :host([floating]) {
      position: fixed;
      bottom: 20px;
      right: 20px;
      z-index: 2147483000;
    }

    /* position="top-left" etc. (data-position); bottom-right by default. */
    :host([position^='top']) {
      top: 20px;
      bottom: auto;
    }

    :host([position$='left']) {
      left: 20px;
      right: auto;
    }

    button {
      padding: 10px 18px;
    }

    [part~='launcher'] {
      border: 0;
      background: var(--_a);
      color: var(--_af);
      font-weight: 600;
      box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
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
