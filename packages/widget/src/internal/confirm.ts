import { css, html, type TemplateResult } from 'lit';

/**
 * An irreversible action's confirm step: a native modal `<dialog>` that says what will happen,
 * with the action's own clearly worded button (which closes it with `returnValue` `ok`) and the
 * safe one, focused. Escape or the safe button close it with nothing done, and the browser puts
 * focus back on the button that opened it. Render it while the element has something to
 * confirm, then `showModal()` it; `done(true)` runs the action.
 */
export function confirmDialog(
  text: string,
  yes: string,
  no: string,
  done: (ok: boolean) => void,
): TemplateResult {
  return html`<dialog
    class="confirm"
    @close=${(event: Event) => done((event.target as HTMLDialogElement).returnValue === 'ok')}
  >
    <form method="dialog">
      <p>${text}</p>
      <button part="button confirm-button" class="danger" value="ok">${yes}</button> <button part="button" autofocus>${no}</button>
    </form>
  </dialog>`;
}

/** Opens the confirm dialog the element has just rendered. */
export function showConfirm(root: ParentNode): void {
  root.querySelector<HTMLDialogElement>('dialog.confirm')?.showModal();
}

/** The dialog in the theme's colours (light or dark), the action's button in the error colour. */
export const confirmStyles = css`
  .confirm {
    max-width: 26em;
    border: 1px solid var(--_dv);
    border-radius: var(--_r);
    background: var(--_bg);
    color: var(--_fg);
  }

  .confirm p {
    margin: 0 0 var(--_s3);
  }

  .danger {
    border-color: var(--_er);
    color: var(--_er);
    font-weight: 600;
  }
`;
