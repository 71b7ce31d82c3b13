import { css } from 'lit';

/** The mentor console's own parts: its header, status notices and stats (its frame is in styles/console-shell.ts). */
export const mentorConsoleStyles = css`
  header {
    justify-content: space-between;
  }

  /* The "Available now" switch: the checkbox inline before its words, not stacked above them. */
  label.switch {
    display: inline-flex;
    align-items: center;
    gap: 8px;
  }

  label.switch input {
    margin: 0;
    flex: none;
  }

  .notice {
    padding: 8px 12px;
    border-radius: var(--_r);
    background: #fef3c7;
    color: #78350f;
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    gap: 8px;
    margin: 0 0 16px;
  }

  .stats dt {
    color: var(--_mu);
    font-size: 0.85em;
  }

  .stats dd {
    margin: 0;
    font-size: 1.4em;
    font-weight: 600;
  }

  /* The leaderboard (shown only where the program turned it on) keeps apart from what follows. */
  mm-leaderboard {
    margin: 0 0 24px;
  }
`;
