/**
 * The only module that knows the UI toolkit. @vscode/webview-ui-toolkit was sunset on
 * 2025-01-01 (docs/ARCHITECTURE.md); it is loaded as its own nonce'd module script (toolkit.min.js), which
 * registers the custom elements globally. Switching to @vscode-elements/elements means changing
 * the tag names and attributes here and nothing else.
 */
export type ButtonAppearance = 'primary' | 'secondary' | 'icon';

const TAGS = {
  button: 'vscode-button',
  progressRing: 'vscode-progress-ring',
  textArea: 'vscode-text-area',
  checkbox: 'vscode-checkbox',
  divider: 'vscode-divider',
} as const;

export interface ButtonOptions {
  label: string;
  appearance?: ButtonAppearance;
  ariaLabel?: string;
  disabled?: boolean;
  onClick: () => void;
}

export function createButton(options: ButtonOptions): HTMLElement {
  const button = document.createElement(TAGS.button);
  button.textContent = options.label;
  button.setAttribute('appearance', options.appearance ?? 'primary');
  if (options.ariaLabel) button.setAttribute('aria-label', options.ariaLabel);
  if (options.disabled) button.setAttribute('disabled', '');
  // The toolkit button forwards keyboard activation (Enter/Space) to a click on the host.
  button.addEventListener('click', () => {
    if (!button.hasAttribute('disabled')) options.onClick();
  });
  return button;
}

/**
 * Not the toolkit's <vscode-badge>: its template writes a `style` attribute, which the CSP
 * blocks (and reports) on every badge. A themed span looks the same.
 */
export function createBadge(text: string): HTMLElement {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = text;
  return badge;
}

export function createProgressRing(ariaLabel: string): HTMLElement {
  const ring = document.createElement(TAGS.progressRing);
  ring.setAttribute('aria-label', ariaLabel);
  return ring;
}

export function createDivider(): HTMLElement {
  return document.createElement(TAGS.divider);
}

export interface TextAreaOptions {
  placeholder: string;
  ariaLabel: string;
  rows: number;
  onInput: (value: string) => void;
  onSubmit: () => void;
}

export interface TextAreaHandle {
  element: HTMLElement;
  getValue(): string;
  setValue(value: string): void;
}

export function createTextArea(options: TextAreaOptions): TextAreaHandle {
  const area = document.createElement(TAGS.textArea) as HTMLElement & { value: string };
  area.setAttribute('placeholder', options.placeholder);
  area.setAttribute('aria-label', options.ariaLabel);
  area.setAttribute('rows', String(options.rows));
  area.setAttribute('resize', 'vertical');
  area.addEventListener('input', () => options.onInput(area.value ?? ''));
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onSubmit();
    }
  });
  return {
    element: area,
    getValue: () => String(area.value ?? ''),
    setValue: (value) => {
      area.value = value;
    },
  };
}

export interface CheckboxHandle {
  element: HTMLElement;
  isChecked(): boolean;
}

export function createCheckbox(label: string, checked: boolean): CheckboxHandle {
  const box = document.createElement(TAGS.checkbox) as HTMLElement & { checked: boolean };
  box.textContent = label;
  if (checked) box.setAttribute('checked', '');
  return { element: box, isChecked: () => Boolean(box.checked) };
}
