/**
 * The only module that knows the UI toolkit: @vscode-elements/elements, the maintained
 * successor of the sunset @vscode/webview-ui-toolkit. Its elements are Lit components bundled
 * into panel.js (their styles arrive as adopted stylesheets, which the strict CSP allows).
 * Every view builds toolkit controls through these Lit templates, so switching the toolkit
 * again means changing this file only.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

export type ButtonAppearance = 'primary' | 'secondary';

export interface ButtonOptions {
  label: string;
  appearance?: ButtonAppearance;
  ariaLabel?: string;
  disabled?: boolean;
  testId?: string;
  pressed?: boolean;
  onClick: () => void;
}

/** A toolkit button; Enter and Space on a focused button click it (the toolkit does that). */
export function button(options: ButtonOptions): TemplateResult {
  const onClick = (event: Event): void => {
    const target = event.currentTarget as HTMLElement;
    if (!target.hasAttribute('disabled')) options.onClick();
  };
  return html`<vscode-button
    ?secondary=${options.appearance === 'secondary'}
    ?disabled=${Boolean(options.disabled)}
    aria-label=${ifDefined(options.ariaLabel)}
    aria-pressed=${options.pressed === undefined ? nothing : String(options.pressed)}
    data-testid=${ifDefined(options.testId)}
    @click=${onClick}
    >${options.label}</vscode-button
  >`;
}

/** Not the toolkit's badge: a themed span is all the panel needs. */
export function badge(text: string): TemplateResult {
  return html`<span class="badge">${text}</span>`;
}

export function progressRing(ariaLabel: string): TemplateResult {
  return html`<vscode-progress-ring
    class="progress"
    aria-label=${ariaLabel}
  ></vscode-progress-ring>`;
}

export interface TextAreaOptions {
  placeholder: string;
  ariaLabel: string;
  rows: number;
  testId: string;
  onInput: () => void;
  onSubmit: () => void;
}

export function textArea(options: TextAreaOptions): TemplateResult {
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onSubmit();
    }
  };
  return html`<vscode-textarea
    class="task-input"
    data-testid=${options.testId}
    placeholder=${options.placeholder}
    aria-label=${options.ariaLabel}
    rows=${options.rows}
    resize="vertical"
    @input=${options.onInput}
    @keydown=${onKeyDown}
  ></vscode-textarea>`;
}

export function checkbox(label: string, className: string): TemplateResult {
  return html`<vscode-checkbox class=${className} label=${label}></vscode-checkbox>`;
}

/** The value of a toolkit text area or checkbox found under `root`. */
export function valueOf(root: ParentNode, selector: string): string {
  const element = root.querySelector(selector) as (Element & { value?: unknown }) | null;
  return String(element?.value ?? '');
}

export function isChecked(root: ParentNode, selector: string): boolean {
  const element = root.querySelector(selector) as (Element & { checked?: unknown }) | null;
  return Boolean(element?.checked);
}

export function focusControl(root: ParentNode, selector: string): void {
  (root.querySelector(selector) as HTMLElement | null)?.focus();
}
