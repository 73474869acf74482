// Confirmations and forms in the page's one <dialog>: the operator confirms each change, and a
// refusal from the API is shown in the dialog in words, so nothing is lost by a failed attempt.

import {el, fill} from './dom.js';

const dialog = () => document.getElementById('dialog');

/**
 * Opens a form. {@code submit(form)} does the work: when it throws, its message is shown in the
 * dialog and the form stays open; when it resolves, the dialog closes and the promise resolves
 * with its value. Cancel resolves with null.
 */
export function formDialog({title, body, submitLabel, danger = false, submit}) {
  const box = dialog();
  return new Promise(resolve => {
    const error = el('p', {class: 'error', role: 'alert', id: 'dialog-error', hidden: true});
    const confirm = el('button', {type: 'submit', id: 'dialog-confirm', class: danger ? 'danger' : 'primary'}, submitLabel);
    const cancel = el('button', {type: 'button', id: 'dialog-cancel', class: 'quiet'}, 'Cancel');
    const form = el('form', {method: 'dialog', class: 'dialog-form'},
      el('h2', {}, title), body, error, el('div', {class: 'buttons'}, cancel, confirm));
    let settled = false;
    const finish = value => {
      if (!settled) {
        settled = true;
        box.close();
        resolve(value);
      }
    };
    cancel.addEventListener('click', () => finish(null));
    box.addEventListener('cancel', () => finish(null), {once: true});
    form.addEventListener('submit', async event => {
      event.preventDefault();
      error.hidden = true;
      confirm.disabled = true;
      try {
        const value = await submit(form);
        finish(value === undefined ? true : value);
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      } finally {
        confirm.disabled = false;
      }
    });
    fill(box, form);
    box.showModal();
    const first = form.querySelector('input:not([type=hidden]), textarea, select');
    (first || confirm).focus();
  });
}

/** A yes/no question before a change; {@code action} runs on yes (its error keeps the dialog open). */
export function confirmDialog({title, text, confirmLabel, danger = false, action}) {
  return formDialog({title, body: el('p', {}, text), submitLabel: confirmLabel, danger, submit: action});
}

/** A labelled form field. */
export function field(label, input, hint) {
  return el('label', {class: 'field'}, el('span', {class: 'field-label'}, label), input,
    hint ? el('small', {class: 'hint'}, hint) : null);
}
