import { css } from 'lit';

export const instantHelpStyles = css`
  :host {
    display: block;
  }
  .waiting {
    display: flex;
    gap: var(--_s3);
    align-items: center;
  }
  .pulse {
    inline-size: 12px;
    block-size: 12px;
    border-radius: 50%;
    background: var(--_a);
    animation: pulse 1.2s ease-in-out infinite;
    flex: none;
  }
  @keyframes pulse {
    50% {
      opacity: 0.3;
    }
  }
  [role='group'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_s2);
  }
`;
