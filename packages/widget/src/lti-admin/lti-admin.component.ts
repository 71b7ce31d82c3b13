import type {
  CreateLtiPlatformParams,
  LtiPlatform,
  LtiRegistrationLink,
  LtiToolConfiguration,
} from '@micromentor/sdk';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  LMS_GUIDES,
  type LtiAdminMessages,
  ltiAdminMessages,
  PLATFORM_FIELDS,
  type PlatformField,
  TOOL_VALUES,
  type ToolValue,
} from '../i18n/lti-admin.js';
import type { AdminApi } from '../internal/admin-console-api.js';
import { confirmDialog, confirmStyles, showConfirm } from '../internal/confirm.js';
import { PartElement, partStyles } from '../internal/part-element.js';
import { baseStyles } from '../styles/base.js';
import { consoleStyles } from '../styles/console.js';
import { ltiAdminStyles } from './lti-admin.styles.js';

/** The admin console's calls this panel makes. */
export type LtiAdminApi = Pick<
  AdminApi,
  | 'ltiPlatforms'
  | 'createLtiPlatform'
  | 'updateLtiPlatform'
  | 'deleteLtiPlatform'
  | 'ltiTool'
  | 'ltiRegistrationLink'
>;

/** A guide step's placeholders → the tool's values they stand for. */
const PLACEHOLDERS: Record<string, ToolValue> = {
  login: 'loginUrl',
  launch: 'launchUrl',
  deepLink: 'deepLinkUrl',
  jwks: 'jwksUrl',
};

/** The field a server's message is about (`body.publicJwks.keys.0.n` → `publicJwks`), if the form has it. */
function fieldOf(path: string): PlatformField | undefined {
  const name = path.split('.')[1];
  return PLATFORM_FIELDS.find((field) => field === name);
}

/**
 * @tagname mm-lti-admin
 * @summary The LMSs that launch the program as an LTI 1.3 tool (the admin console's "LMS" tab, in
 * the LTI part): the values to paste into an LMS (login, launch/redirect, Deep Linking and key set
 * URLs) with copy buttons, a Dynamic Registration link made on demand for the program (valid one
 * hour, shown with its copy button and when it expires), the registered platforms (add, edit, remove after
 * a confirm step; the server's message for a field it refuses under that field), and step-by-step
 * instructions for Moodle, Canvas, Blackboard, D2L Brightspace and Open edX.
 *
 * @event mm-error - Not emitted: failures are shown in the panel.
 * @csspart button - Every button.
 * @csspart confirm-button - The confirm step's "Remove this LMS".
 */
export class MmLtiAdmin extends PartElement<LtiAdminApi, LtiAdminMessages> {
  static override styles = [baseStyles, consoleStyles, confirmStyles, partStyles, ltiAdminStyles];

  @state() private platforms: LtiPlatform[] = [];
  @state() private notice = '';
  /** The platform being edited, or null: the form adds one. */
  @state() private editing: LtiPlatform | null = null;
  /** The platform whose removal waits for the admin's confirmation. */
  @state() private removing: LtiPlatform | null = null;
  /** How the form takes the platform's keys. */
  @state() private keyMode: 'url' | 'pasted' = 'url';
  /** The server's (or the form's own) message for each field it refused. */
  @state() private invalid: Partial<Record<PlatformField, string>> = {};
  @state() private busy = false;
  /** The last Dynamic Registration link made, and why making one failed. */
  @state() private link: LtiRegistrationLink | null = null;
  @state() private linkError = '';
  @state() private linkBusy = false;
  /** The last failure was the form's: its alert goes with the form, others with the list. */
  @state() private formFailed = false;
  protected override loading = true;

  get t(): LtiAdminMessages {
    return ltiAdminMessages(this.locale, this);
  }

  refresh(): Promise<void> {
    return this.load(async (api) => {
      this.platforms = (await api.ltiPlatforms()).data;
    });
  }

  /** The server's own values once a platform exists; before, the same paths on the API's URL. */
  #tool(): LtiToolConfiguration | null {
    return this.platforms[0]?.tool ?? this.api?.ltiTool() ?? null;
  }

  async #copy(what: string, value: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
      this.notice = this.t.copied(what);
    } catch {
      this.notice = this.t.copyFailed;
    }
  }

  async #makeLink(): Promise<void> {
    if (!this.api || this.linkBusy) return;
    this.linkBusy = true;
    this.linkError = '';
    try {
      this.link = await this.api.ltiRegistrationLink();
    } catch (error) {
      this.link = null;
      this.linkError = this.describe(error);
    } finally {
      this.linkBusy = false;
    }
  }

  /** The form's values as the API takes them, or null when the pasted key set is not JSON. */
  #read(form: HTMLFormElement): CreateLtiPlatformParams | null {
    const data = new FormData(form);
    const text = (name: PlatformField) => String(data.get(name) ?? '').trim();
    const params: CreateLtiPlatformParams = {
      name: text('name'),
      issuer: text('issuer'),
      clientId: text('clientId'),
      deploymentIds: text('deploymentIds')
        .split(/[\n,]/)
        .map((id) => id.trim())
        .filter(Boolean),
      authLoginUrl: text('authLoginUrl'),
      authTokenUrl: text('authTokenUrl'),
    };
    if (this.keyMode === 'url') return { ...params, jwksUrl: text('jwksUrl') };
    try {
      const keys: unknown = JSON.parse(text('publicJwks'));
      // The server checks every member; here only that it is the object it can check.
      if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) throw new TypeError();
      return { ...params, publicJwks: keys as NonNullable<CreateLtiPlatformParams['publicJwks']> };
    } catch {
      return null;
    }
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (!this.api || this.busy) return;
    const form = event.target as HTMLFormElement;
    const params = this.#read(form);
    if (!params) {
      this.invalid = { publicJwks: this.t.notJson };
      this.error = this.t.invalid;
      this.formFailed = true;
      await this.#focusInvalid();
      return;
    }
    const editing = this.editing;
    this.busy = true;
    this.formFailed = false;
    try {
      const saved = editing
        ? await this.api.updateLtiPlatform(editing.id, params)
        : await this.api.createLtiPlatform(params);
      this.invalid = {};
      this.error = '';
      this.editing = null;
      form.reset();
      this.keyMode = 'url';
      this.notice = editing ? this.t.saved(saved.name) : this.t.added(saved.name);
      this.platforms = editing
        ? this.platforms.map((p) => (p.id === saved.id ? saved : p))
        : [...this.platforms, saved];
    } catch (error) {
      this.notice = '';
      const fields = (error as { problem?: { errors?: { path: string; message: string }[] } | null }).problem
        ?.errors;
      const placed: Partial<Record<PlatformField, string>> = {};
      let all = (fields?.length ?? 0) > 0;
      for (const { path, message } of fields ?? []) {
        const field = fieldOf(path);
        // The server names jwksUrl for "one of jwksUrl and publicJwks": the visible one.
        const shown = field === 'jwksUrl' && this.keyMode === 'pasted' ? 'publicJwks' : field;
        if (shown) placed[shown] ??= message;
        else all = false;
      }
      this.invalid = placed;
      this.error = all ? this.t.invalid : this.describe(error);
      this.formFailed = true;
      await this.#focusInvalid();
    } finally {
      this.busy = false;
    }
  }

  async #focusInvalid(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }

  async #edit(platform: LtiPlatform): Promise<void> {
    this.editing = platform;
    this.keyMode = platform.publicJwks ? 'pasted' : 'url';
    this.invalid = {};
    this.error = '';
    this.formFailed = false;
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('form.platform input[name=name]')?.focus();
  }

  async #cancel(): Promise<void> {
    this.editing = null;
    this.keyMode = 'url';
    this.invalid = {};
    this.error = '';
    this.formFailed = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLFormElement>('form.platform')?.reset();
  }

  async #ask(platform: LtiPlatform): Promise<void> {
    this.removing = platform;
    await this.updateComplete;
    showConfirm(this.renderRoot);
  }

  async #remove(ok: boolean): Promise<void> {
    const platform = this.removing;
    this.removing = null;
    if (!ok || !platform) return;
    this.formFailed = false;
    await this.act(async (api) => {
      await api.deleteLtiPlatform(platform.id);
      this.platforms = this.platforms.filter((p) => p.id !== platform.id);
      if (this.editing?.id === platform.id) this.editing = null;
      this.notice = this.t.removed(platform.name);
      this.error = '';
    });
  }

  override render() {
    const t = this.t;
    const head = html`<h3>${t.heading}</h3>
      <p>${t.intro}</p>`;
    if (this.loading) return html`${head}<p role="status">${t.loading}</p>`;
    const tool = this.#tool();
    return html`${head}
      <p role="status" class="ok">${this.notice}</p>
      ${tool ? this.#toolValues(tool) : nothing}
      <section aria-labelledby="lti-platforms">
        <h4 id="lti-platforms">${t.platformsHeading}</h4>
        ${this.formFailed ? nothing : this.alert()}
        ${
          this.platforms.length === 0
            ? html`<p>${t.empty}</p>`
            : html`<ul class="cards">${this.platforms.map((p) => this.#card(p))}</ul>`
        }
      </section>
      ${this.#form()}
      ${tool ? this.#guides(tool) : nothing}
      ${this.removing ? confirmDialog(t.confirmRemove(this.removing.name), t.confirmYes, t.confirmNo, (ok) => this.#remove(ok)) : nothing}`;
  }

  #toolValues(tool: LtiToolConfiguration): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="lti-tool">
      <h4 id="lti-tool">${t.toolHeading}</h4>
      <p class="meta">${t.toolIntro}</p>
      <dl class="values">
        ${TOOL_VALUES.map(
          (what) => html`<div class="value">
            <dt>${t.tool[what]}</dt>
            <dd>
              <code>${tool[what]}</code>
              <button part="button" type="button" aria-label=${t.copy(t.tool[what])} @click=${() => this.#copy(t.tool[what], tool[what])}>
                ${t.copyShort}
              </button>
            </dd>
          </div>`,
        )}
      </dl>
      ${this.#registration()}
    </section>`;
  }

  #registration(): TemplateResult {
    const t = this.t;
    const link = this.link;
    return html`<div class="reglink" role="group" aria-labelledby="lti-reg">
      <h5 id="lti-reg">${t.regLabel}</h5>
      <p class="meta">${t.regIntro}</p>
      ${
        link
          ? html`<div class="copyable">
              <code>${link.url}</code>
              <button part="button" type="button" aria-label=${t.copy(t.regLabel)} @click=${() => this.#copy(t.regLabel, link.url)}>
                ${t.copyShort}
              </button>
            </div>
            <p class="meta">${t.regUntil(this.when(link.expiresAt, 'short'))}</p>`
          : nothing
      }
      ${this.linkError ? html`<p class="error" role="alert">${this.linkError}</p>` : nothing}
      <button part="button" type="button" ?disabled=${this.linkBusy} @click=${this.#makeLink}>${t.regMake}</button>
    </div>`;
  }

  #card(p: LtiPlatform): TemplateResult {
    const t = this.t;
    return html`<li class="card">
      <h5>${p.name}</h5>
      <dl class="facts">
        <dt>${t.fields.issuer}</dt><dd><code>${p.issuer}</code></dd>
        <dt>${t.fields.clientId}</dt><dd><code>${p.clientId}</code></dd>
        <dt>${t.deployments}</dt><dd>${p.deploymentIds.map((id, i) => html`${i ? ', ' : ''}<code>${id}</code>`)}</dd>
        <dt>${t.keys}</dt>
        <dd>${p.jwksUrl ? t.keysUrl(p.jwksUrl) : t.keysPasted(p.publicJwks?.keys.length ?? 0)}</dd>
      </dl>
      <div class="row">
        <button part="button" type="button" aria-label=${t.edit(p.name)} @click=${() => this.#edit(p)}>${t.editShort}</button>
        <button part="button" type="button" class="danger" aria-label=${t.remove(p.name)} @click=${() => this.#ask(p)}>
          ${t.removeShort}
        </button>
      </div>
    </li>`;
  }

  #field(name: PlatformField, value: string, options: { type?: string; hint?: string } = {}): TemplateResult {
    const message = this.invalid[name];
    const described = [options.hint ? `lti-${name}-hint` : '', message ? `lti-${name}-error` : '']
      .filter(Boolean)
      .join(' ');
    const attrs = {
      invalid: message ? 'true' : 'false',
      described: described || nothing,
    };
    const control =
      name === 'deploymentIds' || name === 'publicJwks'
        ? html`<textarea
            name=${name}
            rows=${name === 'publicJwks' ? 6 : 3}
            spellcheck="false"
            required
            aria-invalid=${attrs.invalid}
            aria-describedby=${attrs.described}
            .value=${value}
          ></textarea>`
        : html`<input
            name=${name}
            type=${options.type ?? 'text'}
            required
            spellcheck="false"
            autocomplete="off"
            aria-invalid=${attrs.invalid}
            aria-describedby=${attrs.described}
            .value=${value}
          />`;
    return html`<label class="field-label"
      >${this.t.fields[name]}${control}${options.hint ? html`<span class="meta" id="lti-${name}-hint">${options.hint}</span>` : nothing}${
        message ? html`<span class="error" id="lti-${name}-error">${message}</span>` : nothing
      }</label
    >`;
  }

  #form(): TemplateResult {
    const t = this.t;
    const p = this.editing;
    const jwks = p?.publicJwks ? JSON.stringify(p.publicJwks, null, 2) : '';
    return html`<form class="platform" novalidate @submit=${this.#submit} aria-labelledby="lti-form">
      <h4 id="lti-form">${p ? t.editHeading(p.name) : t.addHeading}</h4>
      <div class="fields">
        ${this.#field('name', p?.name ?? '')}
        ${this.#field('issuer', p?.issuer ?? '', { type: 'url', hint: t.hints.issuer })}
        ${this.#field('clientId', p?.clientId ?? '')}
        ${this.#field('deploymentIds', p?.deploymentIds.join('\n') ?? '', { hint: t.hints.deploymentIds })}
        ${this.#field('authLoginUrl', p?.authLoginUrl ?? '', { type: 'url' })}
        ${this.#field('authTokenUrl', p?.authTokenUrl ?? '', { type: 'url' })}
      </div>
      <fieldset>
        <legend>${t.keyChoice}</legend>
        <div class="row">
          <label class="row"
            ><input type="radio" name="keyMode" value="url" .checked=${this.keyMode === 'url'} @change=${() => {
              this.keyMode = 'url';
            }} />${t.keyByUrl}</label
          >
          <label class="row"
            ><input type="radio" name="keyMode" value="pasted" .checked=${this.keyMode === 'pasted'} @change=${() => {
              this.keyMode = 'pasted';
            }} />${t.keyPasted}</label
          >
        </div>
        ${
          this.keyMode === 'url'
            ? this.#field('jwksUrl', p?.jwksUrl ?? '', { type: 'url' })
            : this.#field('publicJwks', jwks, { hint: t.hints.publicJwks })
        }
      </fieldset>
      ${this.formFailed ? this.alert() : nothing}
      <div class="row">
        <button part="button" class="primary" ?disabled=${this.busy}>${p ? t.save : t.add}</button>
        ${p ? html`<button part="button" type="button" @click=${this.#cancel}>${t.cancel}</button>` : nothing}
      </div>
    </form>`;
  }

  /** A guide's step, its placeholders shown as the tool's URLs (as text). */
  #step(step: string, tool: LtiToolConfiguration): TemplateResult {
    const parts = step.split(/\{(\w+)\}/);
    return html`${parts.map((part, i) => {
      const value = i % 2 === 1 ? PLACEHOLDERS[part] : undefined;
      return value ? html`<code>${tool[value]}</code>` : part;
    })}`;
  }

  #guides(tool: LtiToolConfiguration): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="lti-guides">
      <h4 id="lti-guides">${t.guideHeading}</h4>
      <p class="meta">${t.guideNote}</p>
      ${LMS_GUIDES.map((lms) => {
        const guide = t.guides[lms];
        return html`<details class="guide">
          <summary>${guide.name}</summary>
          <ol>${guide.steps.map((step) => html`<li>${this.#step(step, tool)}</li>`)}</ol>
        </details>`;
      })}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mm-lti-admin': MmLtiAdmin;
  }
}
