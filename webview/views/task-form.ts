/**
 * The task input and Start button. Built once and kept (never re-rendered) so typing and focus
 * survive the streaming re-renders of the rest of the panel.
 */
import { h } from '../dom-builder';
import { createButton, createCheckbox, createTextArea } from '../toolkit-components';
import type { Localize } from '../l10n/localize';
import type { PostToHost } from '../vscode-api';

export interface TaskForm {
  element: HTMLElement;
  setBusy(busy: boolean): void;
}

export function createTaskForm(t: Localize, post: PostToHost): TaskForm {
  const message = h('p', { className: 'form-message', attrs: { role: 'alert' } });
  const useSelection = createCheckbox(t('useSelection'), false);
  const submit = (): void => {
    const task = area.getValue().trim();
    if (!task) {
      message.textContent = t('taskRequired');
      area.element.focus();
      return;
    }
    message.textContent = '';
    const withSelection = useSelection.isChecked();
    post({
      type: 'start-run',
      task,
      outputKind: withSelection ? 'code' : 'text',
      useSelection: withSelection,
    });
  };
  const area = createTextArea({
    placeholder: t('taskPlaceholder'),
    ariaLabel: t('taskLabel'),
    rows: 3,
    onInput: () => (message.textContent = ''),
    onSubmit: submit,
  });
  area.element.dataset.testid = 'task-input';
  area.element.classList.add('task-input');
  const start = createButton({ label: t('start'), ariaLabel: t('startAria'), onClick: submit });
  start.dataset.testid = 'start-button';
  const element = h(
    'section',
    { className: 'task-form', attrs: { 'aria-label': t('taskLabel') } },
    [
      h('h2', { text: t('taskLabel') }),
      area.element,
      h('div', { className: 'toolbar' }, [useSelection.element, start]),
      message,
    ],
  );
  return {
    element,
    setBusy(busy) {
      if (busy) start.setAttribute('disabled', '');
      else start.removeAttribute('disabled');
    },
  };
}
