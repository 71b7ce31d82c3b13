// Text into a field the way a user puts it there, so the element hears the same input events.

/**
 * Pastes `text` over what `field` holds (it is selected first, then the text inserted: one
 * `input` event, as from the keyboard or the clipboard), then waits for `el` to draw.
 */
export async function paste(
  el: { updateComplete: Promise<unknown> },
  field: HTMLInputElement | HTMLTextAreaElement,
  text: string,
): Promise<void> {
  field.select();
  document.execCommand('insertText', false, text);
  await el.updateComplete;
}
