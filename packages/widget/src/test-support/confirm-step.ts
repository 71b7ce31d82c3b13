// An irreversible action's confirm step (internal/confirm.ts), walked the keyboard way first.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';

/**
 * Enter on `button` opens the confirm dialog in `root` (`opened` checks it then: what it says,
 * where focus is); Escape closes it with nothing done (`done()`, the action's calls, stays empty)
 * and focus back on the button (`kept` checks the rest then); a click opens it again, still with
 * nothing done. `settle` waits for the element to draw. Returns the dialog, open.
 */
export async function keepThenReopen(
  root: ShadowRoot,
  button: HTMLElement,
  settle: () => Promise<unknown>,
  done: () => unknown[],
  checks: {
    opened: (dialog: HTMLDialogElement) => Promise<void> | void;
    kept?: () => void;
  },
): Promise<HTMLDialogElement> {
  const dialog = () => root.querySelector<HTMLDialogElement>('dialog.confirm');
  button.focus();
  await sendKeys({ press: 'Enter' });
  await settle();
  expect(dialog()!.open).to.be.true;
  await checks.opened(dialog()!);
  await sendKeys({ press: 'Escape' });
  await settle();
  expect(dialog()).to.be.null;
  expect(done()).to.have.length(0);
  checks.kept?.();
  expect(root.activeElement).to.equal(button);
  button.click();
  await settle();
  expect(done()).to.have.length(0);
  return dialog()!;
}
