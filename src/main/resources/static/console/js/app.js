// The console's frame: sign-in, the hash routes (#/tasks, #/task/<id>, #/accounts, #/submit),
// the notice line and the event stream's state.

import {ApiError, call, session} from './api.js';
import {el, fill} from './dom.js';
import {TaskStore} from './events.js';
import {AccountsView} from './accounts.js';
import {TasksView} from './tasks.js';
import {TaskView} from './task.js';
import {SubmitView} from './submit.js';
import {field} from './dialogs.js';

const store = new TaskStore();
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const streamState = document.getElementById('stream-state');
const signOutButton = document.getElementById('sign-out');
const noticeLine = document.getElementById('notice');
let view = null;

/** A line under the header: what the last action did, or why it was refused. */
function notice(text, isError = false) {
  noticeLine.textContent = text;
  noticeLine.classList.toggle('error', isError);
  noticeLine.hidden = !text;
}

/**
 * Checks the secrets with an admin-only call that changes nothing. The api secret filter answers
 * first, so a service with mj.api-secret set says so before it looks at the admin secret.
 */
async function verify() {
  await call('GET', '/mj/account/reload-status');
}

function showSignIn(message = '', needsApiSecret = false) {
  unmount();
  nav.hidden = true;
  streamState.hidden = true;
  signOutButton.hidden = true;
  const admin = el('input', {type: 'password', id: 'admin-secret', name: 'admin', autocomplete: 'current-password', required: true});
  const api = el('input', {type: 'password', id: 'api-secret', name: 'api', autocomplete: 'off'});
  const apiField = field('API secret (mj.api-secret)', api, 'this service needs it for every /mj call');
  apiField.hidden = !needsApiSecret;
  const error = el('p', {class: 'error', role: 'alert', id: 'sign-in-error', hidden: !message}, message);
  const button = el('button', {type: 'submit', class: 'primary', id: 'sign-in'}, 'Sign in');
  const form = el('form', {class: 'card sign-in', id: 'sign-in-form'},
    el('h1', {}, 'Sign in'),
    el('p', {class: 'muted'}, 'The admin secret is the service\'s mj.admin-secret. It stays in this tab (session storage) and is sent as a header, never in a link.'),
    field('Admin secret', admin), apiField, error, button);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    button.disabled = true;
    error.hidden = true;
    session.save(admin.value, api.value);
    try {
      await verify();
      start();
    } catch (e) {
      session.clear();
      if (e instanceof ApiError && e.kind === 'api-secret') {
        apiField.hidden = false;
      }
      error.textContent = e.message;
      error.hidden = false;
      (e.kind === 'api-secret' && !api.value ? api : admin).focus();
    } finally {
      button.disabled = false;
    }
  });
  fill(main, form);
  admin.focus();
}

function signOut(reason = '') {
  session.clear();
  store.stop();
  notice('');
  showSignIn(reason, false);
}

function start() {
  nav.hidden = false;
  streamState.hidden = false;
  signOutButton.hidden = false;
  store.start(refused => signOut(refused.message));
  if (!location.hash || location.hash === '#/' || location.hash === '#') {
    location.hash = '#/tasks';
  }
  route();
}

function unmount() {
  view?.unmount();
  view = null;
}

function route() {
  if (!session.signedIn()) {
    return;
  }
  const hash = location.hash.replace(/^#\/?/, '');
  const [page, ...rest] = hash.split('/');
  unmount();
  if (page === 'accounts') {
    view = new AccountsView(notice);
  } else if (page === 'submit') {
    view = new SubmitView(notice);
  } else if (page === 'task' && rest.length > 0) {
    view = new TaskView(store, decodeURIComponent(rest.join('/')), notice);
  } else {
    view = new TasksView(store);
  }
  for (const link of nav.querySelectorAll('a')) {
    link.classList.toggle('current', link.dataset.view === (page === 'task' ? 'tasks' : page || 'tasks'));
  }
  view.mount(main);
}

store.subscribe(task => {
  if (task === null) {
    streamState.textContent = {live: '● live', connecting: '○ connecting…', reconnecting: '○ reconnecting…',
      error: '× stream stopped', closed: ''}[store.state] || store.state;
    streamState.title = store.stateReason || '';
    streamState.dataset.state = store.state;
  }
});

signOutButton.addEventListener('click', () => signOut());
// The notice tells what the last action did; moving to another page by the menu starts afresh.
nav.addEventListener('click', () => notice(''));
// A fault of the console itself is shown, not swallowed.
window.addEventListener('error', event => notice(`Console error: ${event.message}`, true));
window.addEventListener('unhandledrejection', event => notice(`Console error: ${event.reason?.message || event.reason}`, true));
window.addEventListener('hashchange', route);

if (session.signedIn()) {
  verify().then(start).catch(e => signOut(e.message));
} else {
  showSignIn();
}
