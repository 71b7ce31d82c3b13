import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { MmElement } from '../internal/mm-element.js';
import { requestFormStyles } from '../request-form/request-form.styles.js';

/**
 * @tagname mm-guest-form
 * @summary Before the first question, when the program allows guests and the page gave no
 * user token: the learner's name and email start a guest session.
 *
 * @event mm-guest-ready - The client now holds the guest's token (never put in the event).
 * @event mm-error - Starting the session failed; the message is shown in the form too.
 *
 * @csspart button - Every button.
 * @csspart submit-button - The Continue button.
 */
export class MmGuestForm extends MmElement {
  static override styles = requestFormStyles;

  static override properties: PropertyDeclarations = {
    nameError: { state: true },
    emailError: { state: true },
  };

  private nameError = '';
  private emailError = '';

  #input(id: string): HTMLInputElement {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${id}`)!;
  }

  override focus(): void {
    this.#input('name')?.focus();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.t.guest;
    const name = this.#input('name');
    const email = this.#input('email');
    this.nameError = name.value.trim() ? '' : t.nameRequired;
    this.emailError = email.value.trim() && email.checkValidity() ? '' : t.emailInvalid;
    if (this.nameError || this.emailError) {
      (this.nameError ? name : email).focus();
      return;
    }
    await this.attempt('guest', async () => {
      const session = await this.api.guestSessions.create({
        name: name.value.trim(),
        email: email.value.trim(),
      });
      this.api.setUserToken(session.userToken);
      this.emit('mm-guest-ready', {});
    });
  }

  #field(id: 'name' | 'email', label: string, error: string) {
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <input
        id=${id}
        type=${id === 'name' ? 'text' : id}
        autocomplete=${id}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${`${id}-error`}
      />
      <p id=${`${id}-error`} class="error">${error}</p>
    </div>`;
  }

  protected override render(): TemplateResult {
    const t = this.t.guest;
    return html`
      <form novalidate aria-labelledby="heading" aria-busy=${this.busy ? 'true' : 'false'} @submit=${this.#submit}>
        <h3 id="heading">${t.heading}</h3>
        <p class="hint">${t.intro}</p>
        ${this.#field('name', t.name, this.nameError)}
        ${this.#field('email', t.email, this.emailError)}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        <button part="button submit-button" class="primary" type="submit" ?disabled=${this.busy}>${t.submit}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-guest-form': MmGuestForm;
  }
}
