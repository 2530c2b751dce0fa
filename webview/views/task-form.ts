/**
 * The task input and Start button. Lit keeps the text area element across every update, so
 * what the user typed, the caret and focus survive streaming. Focus moves only on a user's
 * own action (Start with an empty task).
 */
import { html, type TemplateResult } from 'lit';
import {
  button,
  checkbox,
  focusControl,
  isChecked,
  textArea,
  valueOf,
} from '../toolkit-components';
import type { RenderContext } from './render-context';

export interface TaskFormState {
  message: string;
}

export function renderTaskForm(
  context: RenderContext,
  form: TaskFormState,
  busy: boolean,
): TemplateResult {
  const { t, post } = context;
  const section = (): HTMLElement | null => document.querySelector('section.task-form');
  const submit = (): void => {
    const root = section();
    if (!root) return;
    const task = valueOf(root, '.task-input').trim();
    if (!task) {
      form.message = t('taskRequired');
      context.rerender();
      focusControl(root, '.task-input');
      return;
    }
    form.message = '';
    const withSelection = isChecked(root, '.use-selection');
    post({
      type: 'start-run',
      task,
      outputKind: withSelection ? 'code' : 'text',
      useSelection: withSelection,
    });
    context.rerender();
  };
  const onInput = (): void => {
    if (!form.message) return;
    form.message = '';
    context.rerender();
  };
  return html`<section class="task-form" aria-label=${t('taskLabel')}>
    <h2>${t('taskLabel')}</h2>
    ${textArea({
      placeholder: t('taskPlaceholder'),
      ariaLabel: t('taskLabel'),
      rows: 3,
      testId: 'task-input',
      onInput,
      onSubmit: submit,
    })}
    <div class="toolbar">
      ${checkbox(t('useSelection'), 'use-selection')}
      ${button({
        label: t('start'),
        ariaLabel: t('startAria'),
        testId: 'start-button',
        disabled: busy,
        onClick: submit,
      })}
    </div>
    <p class="form-message" role="alert">${form.message}</p>
  </section>`;
}
