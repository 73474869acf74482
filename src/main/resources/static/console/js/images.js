// Pictures on the page. Stored pictures (/mj/image/...) are public by default and load as plain
// <img> links; with mj.images.require-secret they answer 401 to a bare <img>, so a picture of this
// service that fails to load is fetched once more with the api secret header and shown from a blob.

import {authHeaders, session} from './api.js';
import {el} from './dom.js';

const blobs = new Map();

function ownPicture(url) {
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin === location.origin && /\/mj(-\w+\/mj)?\/image\//.test(parsed.pathname);
  } catch (e) {
    return false;
  }
}

async function withSecret(img, url) {
  if (!blobs.has(url)) {
    blobs.set(url, fetch(url, {headers: authHeaders()})
      .then(response => response.ok ? response.blob() : Promise.reject(new Error(`HTTP ${response.status}`)))
      .then(blob => URL.createObjectURL(blob)));
  }
  try {
    img.src = await blobs.get(url);
  } catch (e) {
    blobs.delete(url);
    img.alt = `picture not available (${e.message})`;
  }
}

/** An <img> of a task picture; null without a URL. */
export function picture(url, attributes = {}) {
  if (!url) {
    return null;
  }
  const img = el('img', {loading: 'lazy', decoding: 'async', alt: '', ...attributes, src: url});
  img.addEventListener('error', () => {
    if (session.apiSecret() && ownPicture(url) && !img.dataset.retried) {
      img.dataset.retried = 'true';
      withSecret(img, url);
    }
  });
  return img;
}
