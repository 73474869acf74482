// The live task list: GET /mj/task/events read with fetch() (EventSource cannot send the secret
// headers), parsed line by line as Server-Sent Events, merged into one map of tasks that the views
// watch. A dropped stream reconnects with Last-Event-ID, so changes missed meanwhile are replayed.

import {authHeaders, call, refusal} from './api.js';

const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 15000;
/** A tab left open on a busy service must not grow without end: beyond this, the oldest finished tasks go. */
const MAX_TASKS = 2000;

/** Parses the text/event-stream format: fields per line, an event per blank line, ':' lines are comments. */
export class EventParser {
  constructor(onEvent) {
    this.onEvent = onEvent;
    this.buffer = '';
    this.reset();
  }

  reset() {
    this.fields = {event: 'message', data: [], id: null};
  }

  push(text) {
    this.buffer += text;
    let newline;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  line(line) {
    if (line === '') {
      if (this.fields.data.length > 0) {
        this.onEvent({event: this.fields.event, data: this.fields.data.join('\n'), id: this.fields.id});
      }
      this.reset();
      return;
    }
    if (line.startsWith(':')) {
      return;
    }
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (name === 'data') {
      this.fields.data.push(value);
    } else if (name === 'event') {
      this.fields.event = value;
    } else if (name === 'id') {
      this.fields.id = value;
    }
  }
}

const FINAL = new Set(['SUCCESS', 'FAILURE', 'CANCEL']);

/** Every task the console knows, kept current by the stream; views subscribe to changes. */
export class TaskStore {
  constructor() {
    this.tasks = new Map();
    this.listeners = new Set();
    this.state = 'closed';
    this.lastEventId = null;
    this.abort = null;
    this.retryMs = RETRY_FIRST_MS;
    this.streamSeen = new Set();
    this.generation = 0;
  }

  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  notify(task) {
    for (const listener of this.listeners) {
      listener(task);
    }
  }

  /** A version from the stream always wins: the stream sends a task's versions in order. */
  fromStream(task) {
    this.streamSeen.add(task.id);
    this.tasks.set(task.id, task);
    this.prune();
    this.notify(task);
  }

  prune() {
    if (this.tasks.size <= MAX_TASKS) {
      return;
    }
    const finished = [...this.tasks.values()].filter(TaskStore.isFinal)
      .sort((a, b) => (a.submitTime || 0) - (b.submitTime || 0));
    for (const task of finished.slice(0, this.tasks.size - MAX_TASKS + MAX_TASKS / 10)) {
      this.tasks.delete(task.id);
      this.streamSeen.delete(task.id);
    }
  }

  /** A version read by a plain call: kept unless the stream already told of this task. */
  fromFetch(task) {
    if (!task || (this.streamSeen.has(task.id) && this.tasks.has(task.id))) {
      return;
    }
    this.tasks.set(task.id, task);
    this.notify(task);
  }

  setState(state, reason = '') {
    this.state = state;
    this.stateReason = reason;
    this.notify(null);
  }

  /** Opens the stream, then loads the recent tasks (the stream is open first, so no change falls between). */
  async start(onRefused) {
    this.onRefused = onRefused;
    this.stopped = false;
    this.generation += 1;
    this.connect(this.generation);
    try {
      const recent = await call('GET', '/mj/task/list?limit=200');
      for (const task of recent || []) {
        this.fromFetch(task);
      }
    } catch (e) {
      this.setState('error', e.message);
    }
  }

  stop() {
    this.stopped = true;
    this.generation += 1;
    if (this.abort) {
      this.abort.abort();
    }
    this.tasks.clear();
    this.streamSeen.clear();
    this.lastEventId = null;
    this.setState('closed');
  }

  /** {@code generation} ties a (re)connection to one sign-in: a retry timer left from an earlier one does nothing. */
  async connect(generation) {
    if (this.stopped || generation !== this.generation) {
      return;
    }
    this.abort = new AbortController();
    this.setState('connecting');
    const headers = authHeaders({Accept: 'text/event-stream'});
    if (this.lastEventId) {
      headers['Last-Event-ID'] = this.lastEventId;
    }
    try {
      const response = await fetch('/mj/task/events', {headers, cache: 'no-store', signal: this.abort.signal});
      if (response.status === 401 || response.status === 403) {
        const body = await response.json().catch(() => null);
        this.stopped = true;
        this.setState('error', refusal(response.status, body).message);
        this.onRefused?.(refusal(response.status, body));
        return;
      }
      if (!response.ok || !response.body) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.description || `HTTP ${response.status}`);
      }
      this.setState('live');
      this.retryMs = RETRY_FIRST_MS;
      await this.read(response.body);
      this.later('the stream ended');
    } catch (e) {
      if (e.name !== 'AbortError') {
        this.later(e.message);
      }
    }
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    const parser = new EventParser(event => this.event(event));
    for (;;) {
      const {value, done} = await reader.read();
      if (done) {
        return;
      }
      parser.push(value);
    }
  }

  event(event) {
    if (event.id) {
      this.lastEventId = event.id;
    }
    if (event.event === 'task') {
      try {
        this.fromStream(JSON.parse(event.data));
      } catch (e) {
        // One unreadable event must not end the stream.
      }
    } else if (event.event === 'dropped') {
      this.abort?.abort();
      let reason = 'the service dropped the stream';
      try {
        reason = JSON.parse(event.data).reason || reason;
      } catch (e) {
        // keep the plain words
      }
      this.later(reason);
    }
  }

  later(reason) {
    if (this.stopped) {
      return;
    }
    this.setState('reconnecting', reason);
    const wait = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    const generation = this.generation;
    setTimeout(() => this.connect(generation), wait);
  }

  static isFinal(task) {
    return FINAL.has(task.status);
  }
}
