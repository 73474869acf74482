// One task: its picture, the grid's four pictures, prompt, timings and buttons. A button is
// pressed through /mj/submit/action; a press that opens a Midjourney modal (custom zoom, remix,
// vary region) is completed here through /mj/submit/modal.

import {call, envelope} from './api.js';
import {badge, duration, el, fill, progressBar, when} from './dom.js';
import {field, formDialog} from './dialogs.js';
import {picture} from './images.js';
import {MaskPainter} from './mask.js';

export class TaskView {
  constructor(store, id, notice) {
    this.store = store;
    this.id = id;
    this.notice = notice;
  }

  mount(main) {
    this.main = main;
    fill(main, el('p', {class: 'muted'}, `Loading task ${this.id}…`));
    this.unsubscribe = this.store.subscribe(task => {
      if (task && task.id === this.id) {
        this.render(task);
      }
    });
    const known = this.store.tasks.get(this.id);
    if (known) {
      this.render(known);
    }
    call('GET', `/mj/task/${encodeURIComponent(this.id)}/fetch`).then(task => {
      if (task) {
        this.store.fromFetch(task);
        this.render(this.store.tasks.get(this.id));
      } else if (!this.store.tasks.has(this.id)) {
        fill(main, el('h1', {}, 'Task not found'), el('p', {}, `No task ${this.id} on this service.`));
      }
    }).catch(e => fill(main, el('p', {class: 'error'}, `Could not load task ${this.id}: ${e.message}`)));
  }

  unmount() {
    this.unsubscribe?.();
  }

  render(task) {
    const p = task.properties || {};
    const grid = (task.imageUrls || []).map(image => el('figure', {class: 'grid-picture', dataset: {index: image.index}},
      picture(image.url, {alt: `picture ${image.index + 1}`}), el('figcaption', {}, `${image.index + 1}`)));
    const videos = task.videoUrls || (task.videoUrl ? [task.videoUrl] : []);
    fill(this.main,
      el('div', {class: 'title-row'}, el('h1', {}, `${task.action} `, el('span', {class: 'muted', id: 'task-id'}, task.id)),
        el('a', {href: '#/tasks', class: 'quiet'}, '← all tasks')),
      el('div', {class: 'task-page', id: 'task', dataset: {task: task.id, status: task.status}},
        el('section', {class: 'picture'},
          task.imageUrl ? picture(task.imageUrl, {id: 'task-picture', alt: `the picture of task ${task.id}`, loading: 'eager'})
            : el('div', {class: 'no-picture'}, task.status === 'SUCCESS' ? 'no picture' : 'no picture yet'),
          grid.length ? el('div', {class: 'grid-pictures', id: 'grid-pictures'}, grid) : null,
          videos.length ? el('ul', {class: 'videos'}, videos.map((url, i) => el('li', {}, el('a', {href: url, target: '_blank', rel: 'noopener'}, `clip ${i + 1}`)))) : null),
        el('section', {class: 'facts'},
          el('div', {class: 'status-line'}, badge(task.status), progressBar(task)),
          task.failReason ? el('p', {class: 'error fail-reason', id: 'fail-reason'}, task.failReason) : null,
          task.status === 'MODAL' ? el('p', {}, el('button', {class: 'primary', id: 'fill-modal',
            onclick: () => this.modal(task, p.finalPrompt || task.prompt)}, 'Fill in the modal')) : null,
          el('h2', {}, 'Prompt'),
          el('p', {class: 'prompt', id: 'task-prompt'}, task.prompt || '—'),
          p.finalPrompt && p.finalPrompt !== task.prompt ? el('p', {class: 'muted', id: 'final-prompt'}, 'sent as: ', p.finalPrompt) : null,
          task.promptEn && task.promptEn !== task.prompt ? [
            el('h2', {}, ['DESCRIBE', 'SHORTEN'].includes(task.action) ? 'Suggestions' : 'Prompt in English'),
            el('p', {class: 'prompt', id: 'task-prompt-en'}, task.promptEn)] : null,
          el('p', {class: 'muted'}, task.description || ''),
          el('h2', {}, 'Buttons'),
          el('div', {class: 'buttons task-buttons', id: 'task-buttons'}, (task.buttons || []).map(b =>
            el('button', {class: 'small', dataset: {customId: b.customId, label: b.label || ''}, title: b.customId,
              onclick: () => this.press(task, b)}, buttonName(b)))),
          (task.buttons || []).length === 0 ? el('p', {class: 'muted'}, 'none') : null,
          el('h2', {}, 'Timings'),
          el('dl', {class: 'facts-list'},
            el('dt', {}, 'submitted'), el('dd', {}, when(task.submitTime)),
            el('dt', {}, 'started'), el('dd', {}, when(task.startTime), task.startTime ? ` (waited ${duration(task.startTime - task.submitTime)})` : ''),
            el('dt', {}, 'finished'), el('dd', {}, when(task.finishTime), task.finishTime && task.startTime ? ` (ran ${duration(task.finishTime - task.startTime)})` : '')),
          el('h2', {}, 'Details'),
          el('dl', {class: 'facts-list'},
            el('dt', {}, 'account'), el('dd', {}, p.discordInstanceId || '—'),
            el('dt', {}, 'bot'), el('dd', {}, task.botType || '—'),
            el('dt', {}, 'parent'), el('dd', {}, p.parentId ? el('a', {href: `#/task/${encodeURIComponent(p.parentId)}`}, p.parentId) : '—'),
            el('dt', {}, 'job'), el('dd', {}, p.messageHash || '—'),
            p.imageStoreError ? [el('dt', {}, 'picture store'), el('dd', {class: 'error'}, p.imageStoreError)] : null))));
  }

  /** Presses a button; a press answered with code 21 (a modal) asks for the modal's input at once. */
  async press(task, button) {
    try {
      const answer = await envelope('POST', '/mj/submit/action', {taskId: task.id, customId: button.customId});
      if (answer.code === 21) {
        await this.modal({id: answer.result, customId: button.customId, properties: {parentId: task.id}},
          answer.properties?.finalPrompt || task.prompt);
        return;
      }
      this.notice(answer.description);
      location.hash = `#/task/${encodeURIComponent(answer.result)}`;
    } catch (e) {
      this.notice(e.message, true);
    }
  }

  /**
   * The modal of a task waiting in MODAL: vary region asks for a mask painted on the parent's picture
   * (and an optional prompt), custom zoom and remix for the prompt.
   */
  async modal(task, finalPrompt) {
    const customId = task.customId || '';
    const region = customId.startsWith('MJ::Inpaint::');
    const zoom = customId.startsWith('MJ::CustomZoom::');
    const prompt = el('textarea', {name: 'prompt', id: 'modal-prompt', rows: 3}, zoom && !/--zoom/.test(finalPrompt || '')
      ? `${finalPrompt || ''} --zoom 1.5` : finalPrompt || '');
    let painter = null;
    const body = [];
    if (region) {
      const parentId = task.properties?.parentId;
      const parent = parentId ? this.store.tasks.get(parentId) || await call('GET', `/mj/task/${encodeURIComponent(parentId)}/fetch`) : null;
      painter = new MaskPainter(parent?.imageUrl);
      body.push(el('p', {}, 'Paint over the part Midjourney should repaint.'), painter.element());
    }
    body.push(field(zoom ? 'Prompt (with --zoom 1 to 2)' : region ? 'Prompt (empty = as before)' : 'Prompt',
      prompt));
    const answer = await formDialog({title: region ? 'Vary (Region)' : zoom ? 'Custom Zoom' : 'Remix',
      submitLabel: 'Submit', body,
      submit: async () => {
        const request = {taskId: task.id};
        if (prompt.value.trim()) {
          request.prompt = prompt.value.trim();
        }
        if (painter) {
          if (painter.isEmpty()) {
            throw new Error('Paint the region to vary first.');
          }
          request.maskBase64 = painter.maskDataUrl();
        }
        return envelope('POST', '/mj/submit/modal', request);
      }});
    if (answer) {
      this.notice(answer.description);
    }
    location.hash = `#/task/${encodeURIComponent(task.id)}`;
  }
}

/** What a button says: its label, else (an emoji-only button such as reroll) the name in its customId. */
function buttonName(button) {
  if (button.label) {
    return [button.emoji, button.label].filter(Boolean).join(' ');
  }
  const parts = (button.customId || '').split('::');
  const name = parts[0] === 'MJ' && parts[1] === 'JOB' ? parts[2] : parts[1];
  const words = (name || button.customId || '').replace(/_/g, ' ').toLowerCase();
  return [button.emoji, words.charAt(0).toUpperCase() + words.slice(1)].filter(Boolean).join(' ');
}
