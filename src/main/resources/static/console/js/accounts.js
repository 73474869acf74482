// The accounts page: the pool as GET /mj/account/list shows it, refreshed every few seconds, with
// the admin actions (enable, disable with a reason, reconnect, sync, edit, add, remove).

import {call, envelope} from './api.js';
import {badge, el, fill, when} from './dom.js';
import {confirmDialog, field, formDialog} from './dialogs.js';

const REFRESH_MS = 3000;

export class AccountsView {
  constructor(notice) {
    this.notice = notice;
    this.accounts = [];
  }

  mount(main) {
    this.table = el('tbody', {});
    this.status = el('p', {class: 'muted', id: 'accounts-status'}, 'Loading accounts…');
    fill(main,
      el('div', {class: 'title-row'},
        el('h1', {}, 'Accounts'),
        el('button', {id: 'account-add', class: 'primary', onclick: () => this.edit(null)}, 'Add account')),
      this.status,
      el('div', {class: 'scroll'}, el('table', {id: 'accounts', class: 'grid'},
        el('thead', {}, el('tr', {}, ['Account', 'State', 'Mode', 'Running / queued', 'Usage', 'Info (sync)',
          'Listener', ''].map(name => el('th', {}, name)))),
        this.table)));
    this.refresh();
    this.timer = setInterval(() => this.refresh(), REFRESH_MS);
  }

  unmount() {
    clearInterval(this.timer);
  }

  async refresh() {
    try {
      this.accounts = await call('GET', '/mj/account/list') || [];
      this.status.textContent = `${this.accounts.length} account(s), refreshed ${new Date().toLocaleTimeString()}`;
      fill(this.table, this.accounts.map(account => this.row(account)));
    } catch (e) {
      this.status.textContent = `Could not load the accounts: ${e.message}`;
    }
  }

  row(a) {
    return el('tr', {dataset: {account: a.id, state: a.state}},
      el('td', {}, el('strong', {class: 'account-id'}, a.id), a.remark ? el('div', {class: 'muted'}, a.remark) : null,
        a.sandbox ? el('div', {}, badge('sandbox', 'info')) : null),
      el('td', {class: 'state'}, badge(a.state), el('div', {class: 'reason'}, a.stateReason || ''),
        el('div', {class: 'muted'}, 'since ', when(a.stateSince)),
        a.disabledUntil ? el('div', {class: 'muted'}, 'block ends ', when(a.disabledUntil)) : null),
      el('td', {}, a.mode, el('div', {class: 'muted'}, `allows ${(a.allowModes || []).join(', ')}`),
        el('div', {class: 'muted'}, (a.botTypes || []).join(', '))),
      el('td', {class: 'load'}, `${a.running} / ${a.queued}`,
        el('div', {class: 'muted'}, `of ${a.concurrency} slots, queue ${a.queueSize}`)),
      el('td', {}, usage(a.usage)),
      el('td', {}, info(a.info)),
      el('td', {}, a.listener ? [badge(a.listener.state, a.listener.state === 'READY' ? 'ready' : 'none'),
        el('div', {class: 'muted'}, a.listener.reason || '')] : '—'),
      el('td', {class: 'actions'}, this.actions(a)));
  }

  actions(a) {
    const button = (label, name, handler, kind = '') =>
      el('button', {class: `small ${kind}`, dataset: {action: name}, onclick: () => handler(a)}, label);
    return [
      a.enabled && a.state !== 'DISABLED'
        ? button('Disable', 'disable', x => this.disable(x), 'danger')
        : button('Enable', 'enable', x => this.enable(x), 'primary'),
      button('Reconnect', 'reconnect', x => this.reconnect(x)),
      button('Sync', 'sync', x => this.sync(x)),
      button('Edit', 'edit', x => this.edit(x)),
      button('Remove', 'remove', x => this.remove(x), 'danger'),
    ];
  }

  async done(answer) {
    this.notice(answer.description);
    await this.refresh();
  }

  enable(a) {
    return confirmDialog({title: `Enable ${a.id}?`, confirmLabel: 'Enable',
      text: 'It reconnects if needed and takes work again, with its settings from accounts.yml.',
      action: async () => this.done(await envelope('POST', `/mj/account/${encodeURIComponent(a.id)}/enable`))});
  }

  disable(a) {
    const reason = el('input', {name: 'reason', id: 'disable-reason', maxlength: 300, placeholder: 'e.g. card expired'});
    return formDialog({title: `Disable ${a.id}?`, submitLabel: 'Disable', danger: true,
      body: [el('p', {}, 'It gets no new work; tasks already running on it carry on.'),
        field('Reason (shown on the account)', reason)],
      submit: async () => this.done(await envelope('POST', `/mj/account/${encodeURIComponent(a.id)}/disable`,
        reason.value.trim() ? {reason: reason.value.trim()} : {}))});
  }

  reconnect(a) {
    return confirmDialog({title: `Reconnect ${a.id}?`, confirmLabel: 'Reconnect',
      text: 'Its gateway session is closed and opened again (it resumes when Discord lets it).',
      action: async () => this.done(await envelope('POST', `/mj/account/${encodeURIComponent(a.id)}/reconnect`))});
  }

  async sync(a) {
    this.notice(`Syncing ${a.id} (/info and /settings)…`);
    try {
      await this.done(await envelope('POST', `/mj/account/${encodeURIComponent(a.id)}/sync`));
    } catch (e) {
      this.notice(e.message, true);
    }
  }

  remove(a) {
    return confirmDialog({title: `Remove ${a.id}?`, confirmLabel: 'Remove', danger: true,
      text: 'It is removed from accounts.yml: no new work, queued tasks move on, it leaves once its running tasks end.',
      action: async () => this.done(await envelope('DELETE', `/mj/account/${encodeURIComponent(a.id)}`))});
  }

  /** Adds (a = null) or edits an account through accounts.yml; an edit sends only the keys changed. */
  edit(a) {
    const form = new AccountForm(a);
    return formDialog({title: a ? `Edit ${a.id}` : 'Add an account', submitLabel: a ? 'Save' : 'Add',
      body: form.body(),
      submit: async () => {
        const body = form.value();
        if (a && Object.keys(body).length === 0) {
          throw new Error('Nothing changed.');
        }
        const answer = a ? await envelope('PUT', `/mj/account/${encodeURIComponent(a.id)}`, body)
          : await envelope('POST', '/mj/account/create', body);
        await this.done(answer);
      }});
  }
}

function usage(u) {
  if (!u) {
    return '—';
  }
  return [el('div', {}, `today ${u.today}${u.dailyLimit ? ` of ${u.dailyLimit}` : ''}`),
    u.nextSendAt ? el('div', {class: 'muted'}, 'next send ', when(u.nextSendAt)) : null,
    el('div', {class: 'muted'}, u.inWorkHours ? 'in work hours' : 'outside work hours')];
}

function info(i) {
  if (!i) {
    return el('span', {class: 'muted'}, 'not synced yet');
  }
  const mj = i.mj || i.niji;
  const hours = i.fastTimeRemainingSeconds === null || i.fastTimeRemainingSeconds === undefined ? null
    : (i.fastTimeRemainingSeconds / 3600).toFixed(1);
  return [
    hours !== null ? el('div', {}, `${hours} h fast time left`) : null,
    mj?.subscription ? el('div', {class: 'muted'}, mj.subscription.replace(/<t:\d+>/g, '…')) : null,
    mj ? el('div', {class: 'muted'}, `${mj.jobMode || ''} · remix ${mj.remix ? 'on' : 'off'}`) : null,
    el('div', {class: 'muted'}, 'synced ', when(i.syncedAt)),
    i.lastError ? el('div', {class: 'error'}, i.lastError) : null,
  ];
}

/** The keys of accounts.yml the form shows; the rest go in "More keys" as JSON. */
const TEXT_KEYS = ['id', 'guildId', 'channelId', 'userToken', 'remark', 'botToken'];
const NUMBER_KEYS = ['concurrency', 'queueSize', 'weight', 'dailyLimit'];
const SECRET_KEYS = new Set(['userToken', 'botToken']);

class AccountForm {
  constructor(account) {
    this.account = account;
    this.inputs = {};
  }

  initial(key) {
    const a = this.account;
    if (!a || SECRET_KEYS.has(key)) {
      return '';
    }
    if (key === 'dailyLimit') {
      return a.usage ? String(a.usage.dailyLimit) : '';
    }
    const value = a[key];
    return value === null || value === undefined ? '' : String(value);
  }

  body() {
    const rows = [];
    for (const key of TEXT_KEYS) {
      if (key === 'id' && this.account) {
        continue;
      }
      const input = el('input', {name: key, id: `account-${key}`, value: this.initial(key),
        type: SECRET_KEYS.has(key) ? 'password' : 'text', autocomplete: 'off'});
      this.inputs[key] = input;
      const hint = SECRET_KEYS.has(key) && this.account ? 'empty = unchanged (it is never shown)' : null;
      rows.push(field(key, input, hint));
    }
    for (const key of NUMBER_KEYS) {
      const input = el('input', {name: key, id: `account-${key}`, type: 'number', min: 0, value: this.initial(key)});
      this.inputs[key] = input;
      rows.push(field(key, input));
    }
    const mode = el('select', {name: 'mode', id: 'account-mode'},
      ['', 'FAST', 'RELAX', 'TURBO'].map(m => el('option', {value: m, selected: this.initial('mode') === m}, m || '(default)')));
    this.inputs.mode = mode;
    rows.push(field('mode', mode));
    const enabled = el('input', {type: 'checkbox', name: 'enabled', id: 'account-enabled',
      checked: this.account ? this.account.enabled : true});
    this.inputs.enabled = enabled;
    rows.push(field('enabled', enabled));
    this.more = el('textarea', {name: 'more', id: 'account-more', rows: 3,
      placeholder: '{"workHours": "08:00-23:30 Europe/Berlin", "allowModes": ["fast", "relax"]}'});
    rows.push(field('More keys (JSON object; null removes a key)', this.more,
      'any key of accounts.example.yml, e.g. timeoutMinutes, allowModes, botTypes, workHours, proxy'));
    return el('div', {class: 'form-grid'}, rows);
  }

  /** The JSON body: for a new account every key filled in, for an edit only the keys changed. */
  value() {
    const body = {};
    for (const [key, input] of Object.entries(this.inputs)) {
      if (key === 'enabled') {
        if (!this.account || input.checked !== this.account.enabled) {
          body.enabled = input.checked;
        }
        continue;
      }
      const text = input.value.trim();
      if (this.account && text === this.initial(key)) {
        continue;
      }
      if (text === '') {
        if (this.account && !SECRET_KEYS.has(key)) {
          body[key] = null;
        }
        continue;
      }
      body[key] = NUMBER_KEYS.includes(key) ? Number(text) : key === 'mode' ? text.toLowerCase() : text;
    }
    if (this.more.value.trim()) {
      let more;
      try {
        more = JSON.parse(this.more.value);
      } catch (e) {
        throw new Error(`More keys: not a JSON object (${e.message})`);
      }
      if (typeof more !== 'object' || more === null || Array.isArray(more)) {
        throw new Error('More keys: must be a JSON object');
      }
      Object.assign(body, more);
    }
    return body;
  }
}
