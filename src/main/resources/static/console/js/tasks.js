// The live task list: every task the store knows, newest first, filtered by status, action,
// account and text, each with its thumbnail, progress bar, status and failure reason.

import {badge, el, fill, progressBar, when} from './dom.js';
import {picture} from './images.js';

const STATUSES = ['NOT_START', 'SUBMITTED', 'MODAL', 'IN_PROGRESS', 'SUCCESS', 'FAILURE', 'CANCEL'];
const ACTIONS = ['IMAGINE', 'UPSCALE', 'VARIATION', 'REROLL', 'ZOOM', 'PAN', 'DESCRIBE', 'BLEND', 'SHORTEN',
  'VIDEO', 'VIDEO_UPSCALE', 'RATE'];
const SHOWN = 200;

export class TasksView {
  constructor(store) {
    this.store = store;
    this.filters = {status: '', action: '', account: '', text: ''};
  }

  mount(main) {
    const select = (name, options) => el('select', {id: `filter-${name}`, name,
      onchange: e => this.filter(name, e.target.value)},
    el('option', {value: ''}, `any ${name}`), options.map(o => el('option', {value: o}, o)));
    this.accountFilter = select('account', []);
    this.list = el('tbody', {});
    this.count = el('span', {class: 'muted', id: 'tasks-count'});
    fill(main,
      el('div', {class: 'title-row'}, el('h1', {}, 'Tasks'), this.count),
      el('div', {class: 'filters'}, select('status', STATUSES), select('action', ACTIONS), this.accountFilter,
        el('input', {id: 'filter-text', type: 'search', placeholder: 'prompt, id or reason',
          oninput: e => this.filter('text', e.target.value)})),
      el('div', {class: 'scroll'}, el('table', {id: 'tasks', class: 'grid'},
        el('thead', {}, el('tr', {}, ['', 'Task', 'Status', 'Progress', 'Prompt', 'Account', 'Submitted']
          .map(name => el('th', {}, name)))),
        this.list)));
    this.unsubscribe = this.store.subscribe(() => this.schedule());
    this.render();
  }

  unmount() {
    this.unsubscribe?.();
  }

  filter(name, value) {
    this.filters[name] = value;
    this.render();
  }

  /** Many changes may arrive at once: draw at most once a frame. */
  schedule() {
    if (!this.pending) {
      this.pending = requestAnimationFrame(() => {
        this.pending = null;
        this.render();
      });
    }
  }

  matches(task) {
    const f = this.filters;
    const text = f.text.trim().toLowerCase();
    return (!f.status || task.status === f.status)
      && (!f.action || task.action === f.action)
      && (!f.account || task.properties?.discordInstanceId === f.account)
      && (!text || [task.id, task.prompt, task.promptEn, task.description, task.failReason]
        .some(value => value && value.toLowerCase().includes(text)));
  }

  render() {
    const all = [...this.store.tasks.values()];
    this.updateAccounts(all);
    const shown = all.filter(task => this.matches(task))
      .sort((a, b) => (b.submitTime || 0) - (a.submitTime || 0));
    this.count.textContent = `${shown.length} of ${all.length} task(s)`;
    fill(this.list, shown.slice(0, SHOWN).map(task => row(task)),
      shown.length === 0 ? el('tr', {}, el('td', {colspan: 7, class: 'muted'}, 'No task matches.')) : null);
  }

  updateAccounts(all) {
    const accounts = [...new Set(all.map(t => t.properties?.discordInstanceId).filter(Boolean))].sort();
    const known = [...this.accountFilter.options].slice(1).map(o => o.value);
    if (accounts.join() !== known.join()) {
      const current = this.accountFilter.value;
      fill(this.accountFilter, el('option', {value: ''}, 'any account'),
        accounts.map(a => el('option', {value: a, selected: a === current}, a)));
    }
  }
}

function row(task) {
  const open = () => { location.hash = `#/task/${encodeURIComponent(task.id)}`; };
  return el('tr', {class: 'task-row', dataset: {task: task.id, status: task.status}, onclick: open},
    el('td', {class: 'thumb'}, picture(task.imageUrl, {class: 'thumbnail', alt: `task ${task.id}`})),
    el('td', {}, el('a', {href: `#/task/${encodeURIComponent(task.id)}`}, task.id), el('div', {class: 'muted'}, task.action)),
    el('td', {}, badge(task.status), task.failReason ? el('div', {class: 'error fail-reason'}, task.failReason) : null),
    el('td', {}, progressBar(task)),
    el('td', {class: 'prompt'}, task.prompt || task.description || ''),
    el('td', {}, task.properties?.discordInstanceId || '—'),
    el('td', {}, when(task.submitTime)));
}
