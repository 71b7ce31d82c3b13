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
    gap: var(--_s2);
  }

  label.switch input {
    margin: 0;
    flex: none;
  }

  .notice {
    padding: var(--_s2) var(--_s3);
    border-radius: var(--_r);
    /* Amber over the theme's background, in the theme's text colour: readable in both themes. */
    background: color-mix(in srgb, #f59e0b 25%, var(--_bg));
    color: var(--_fg);
  }

  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(140px, 1fr));
    gap: var(--_s2);
    margin: 0 0 var(--_s4);
  }

  .stats dt {
    color: var(--_mu);
    font-size: var(--_sm);
  }

  .stats dd {
    margin: 0;
    font-size: var(--_2xl);
    font-weight: 600;
  }

  /* The leaderboard (shown only where the program turned it on) keeps apart from what follows. */
  mm-leaderboard {
    margin: 0 0 var(--_s5);
  }
`;
