// Small DOM helpers. Everything from the API (prompts, reasons, ids) goes in as text, never as
// HTML, so a prompt cannot inject markup into the console.

/** el('div', {class: 'x', onclick: fn}, child, 'text', ...): an element with attributes and children. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (value === true) {
      node.setAttribute(name, '');
    } else {
      node.setAttribute(name, String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of a node. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** "3 s ago", "in 2 min": a time relative to now (epoch ms), with the exact time as a tooltip. */
export function when(epochMs) {
  if (epochMs === null || epochMs === undefined) {
    return el('span', {class: 'muted'}, '—');
  }
  return el('time', {datetime: new Date(epochMs).toISOString(), title: new Date(epochMs).toLocaleString()},
    relative(epochMs));
}

export function relative(epochMs) {
  const seconds = Math.round((epochMs - Date.now()) / 1000);
  const size = Math.abs(seconds);
  const text = size < 60 ? `${size} s` : size < 3600 ? `${Math.round(size / 60)} min`
    : size < 86400 ? `${(size / 3600).toFixed(1)} h` : `${(size / 86400).toFixed(1)} d`;
  return seconds <= 0 ? `${text} ago` : `in ${text}`;
}

/** A duration in ms as "4.2 s" / "3 min 5 s". */
export function duration(ms) {
  if (ms === null || ms === undefined || ms < 0) {
    return '—';
  }
  if (ms < 60000) {
    return `${(ms / 1000).toFixed(1)} s`;
  }
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}

/** The task's progress as a number 0..100 ("62%" → 62; a finished task 100). */
export function progressOf(task) {
  if (task.status === 'SUCCESS') {
    return 100;
  }
  const match = /(\d+)/.exec(task.progress || '');
  return match ? Math.min(100, Number(match[1])) : 0;
}

/** A progress bar whose value tests and screen readers can read (aria-valuenow). */
export function progressBar(task) {
  const value = progressOf(task);
  return el('div', {class: `bar status-${task.status}`, role: 'progressbar', 'aria-valuemin': 0,
      'aria-valuemax': 100, 'aria-valuenow': value, title: `${value}%`},
    barFill(value), el('span', {class: 'label'}, `${value}%`));
}

/** The bar's fill; its width is set through the CSSOM, which the console's CSP allows (a style attribute it does not). */
function barFill(value) {
  const node = el('div', {class: 'fill'});
  node.style.width = `${value}%`;
  return node;
}

export function badge(text, kind = text) {
  return el('span', {class: `badge badge-${String(kind).toLowerCase()}`}, text);
}

/** Reads a file as a data URL (what the submit endpoints take as base64). */
export function dataUrl(file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new Error(`could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}
