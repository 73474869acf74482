// New jobs: imagine (with optional image prompts), blend, describe and shorten. Files are read in
// the browser into data URLs, which the submit endpoints take as base64.

import {envelope} from './api.js';
import {dataUrl, el, fill} from './dom.js';
import {field} from './dialogs.js';

export class SubmitView {
  constructor(notice) {
    this.notice = notice;
  }

  mount(main) {
    this.main = main;
    fill(main, el('h1', {}, 'Submit'),
      el('div', {class: 'submit-forms'},
        this.form('imagine', 'Imagine', [
          field('Prompt', el('textarea', {name: 'prompt', id: 'imagine-prompt', rows: 3, required: true,
            placeholder: 'a lighthouse at dusk --ar 3:2'})),
          field('Image prompts (optional)', el('input', {type: 'file', name: 'images', id: 'imagine-images',
            accept: 'image/png,image/jpeg,image/webp,image/gif', multiple: true})),
          field('Bot', botSelect('imagine-bot')),
        ], async form => ({
          prompt: form.elements.prompt.value.trim(),
          base64Array: await readAll(form.elements.images.files),
          botType: form.elements.bot.value,
        })),
        this.form('blend', 'Blend', [
          field('2 to 5 images', el('input', {type: 'file', name: 'images', id: 'blend-images',
            accept: 'image/png,image/jpeg,image/webp,image/gif', multiple: true, required: true})),
          field('Dimensions', el('select', {name: 'dimensions', id: 'blend-dimensions'},
            ['SQUARE', 'PORTRAIT', 'LANDSCAPE'].map(d => el('option', {value: d}, d)))),
          field('Bot', botSelect('blend-bot')),
        ], async form => ({
          base64Array: await readAll(form.elements.images.files),
          dimensions: form.elements.dimensions.value,
          botType: form.elements.bot.value,
        })),
        this.form('describe', 'Describe', [
          field('An image', el('input', {type: 'file', name: 'image', id: 'describe-image',
            accept: 'image/png,image/jpeg,image/webp,image/gif'})),
          field('or a link to one', el('input', {type: 'url', name: 'link', id: 'describe-link',
            placeholder: 'https://example.com/picture.png'})),
          field('Bot', botSelect('describe-bot')),
        ], async form => {
          const body = {botType: form.elements.bot.value};
          if (form.elements.image.files.length > 0) {
            body.base64 = await dataUrl(form.elements.image.files[0]);
          }
          if (form.elements.link.value.trim()) {
            body.link = form.elements.link.value.trim();
          }
          return body;
        }),
        this.form('shorten', 'Shorten', [
          field('Prompt', el('textarea', {name: 'prompt', id: 'shorten-prompt', rows: 3, required: true})),
          field('Bot', botSelect('shorten-bot')),
        ], async form => ({prompt: form.elements.prompt.value.trim(), botType: form.elements.bot.value}))));
  }

  unmount() {
  }

  /** A form posting to /mj/submit/{kind}; success opens the new task, a refusal is shown in words. */
  form(kind, title, fields, body) {
    const error = el('p', {class: 'error', role: 'alert', id: `${kind}-error`, hidden: true});
    const button = el('button', {type: 'submit', class: 'primary', id: `${kind}-submit`}, title);
    const form = el('form', {class: 'card', id: `${kind}-form`}, el('h2', {}, title), fields, error, button);
    form.addEventListener('submit', async event => {
      event.preventDefault();
      error.hidden = true;
      button.disabled = true;
      try {
        const answer = await envelope('POST', `/mj/submit/${kind}`, await body(form));
        this.notice(answer.description);
        location.hash = `#/task/${encodeURIComponent(answer.result)}`;
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
    return form;
  }
}

function botSelect(id) {
  return el('select', {name: 'bot', id},
    el('option', {value: 'MID_JOURNEY'}, 'Midjourney'), el('option', {value: 'NIJI_JOURNEY'}, 'Niji'));
}

function readAll(files) {
  return Promise.all([...files].map(dataUrl));
}
