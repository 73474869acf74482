// The REST API as the console calls it: the secrets come from sessionStorage and go out as
// headers only (never in a URL), and every refusal becomes an Error whose message is words.

const ADMIN_KEY = 'mj-console.admin-secret';
const API_KEY = 'mj-console.api-secret';

/** The secrets of this tab: sessionStorage, so they end with the tab and are not shared with others. */
export const session = {
  adminSecret: () => sessionStorage.getItem(ADMIN_KEY),
  apiSecret: () => sessionStorage.getItem(API_KEY),
  signedIn: () => sessionStorage.getItem(ADMIN_KEY) !== null,
  save(adminSecret, apiSecret) {
    sessionStorage.setItem(ADMIN_KEY, adminSecret);
    if (apiSecret) {
      sessionStorage.setItem(API_KEY, apiSecret);
    } else {
      sessionStorage.removeItem(API_KEY);
    }
  },
  clear() {
    sessionStorage.removeItem(ADMIN_KEY);
    sessionStorage.removeItem(API_KEY);
  },
};

/** Why a call failed, in words; {@code kind} tells sign-in which secret was refused. */
export class ApiError extends Error {
  constructor(message, {status = 0, code = null, kind = 'refused', body = null} = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.kind = kind;
    this.body = body;
  }
}

/** Envelope codes a submit answers with when it took the request. */
const ACCEPTED = new Set([1, 21, 22]);

const CODE_WORDS = {
  3: 'Not found',
  4: 'Refused',
  9: 'Failed',
  23: 'No capacity',
  24: 'Banned prompt',
};

/** Headers for a call: both secrets when this tab has them. */
export function authHeaders(extra = {}) {
  const headers = {...extra};
  const admin = session.adminSecret();
  const api = session.apiSecret();
  if (admin) {
    headers['mj-admin-secret'] = admin;
  }
  if (api) {
    headers['mj-api-secret'] = api;
  }
  return headers;
}

/** Turns a 401/403 into what the operator should do about it. */
export function refusal(status, body) {
  const description = body && typeof body.description === 'string' ? body.description : '';
  if (status === 403) {
    return new ApiError('The admin API is off on this service: start it with mj.admin-secret set.',
      {status, kind: 'admin-off', body});
  }
  if (description.startsWith('mj-api-secret')) {
    return new ApiError(session.apiSecret()
        ? 'The API secret was refused.'
        : 'This service also needs its API secret (mj.api-secret).', {status, kind: 'api-secret', body});
  }
  if (description.startsWith('mj-admin-secret')) {
    return new ApiError('The admin secret was refused.', {status, kind: 'admin-secret', body});
  }
  return new ApiError(description || `The service answered HTTP ${status}.`, {status, body});
}

/**
 * One HTTP call. Answers the parsed JSON (null for an empty body); throws an ApiError for a refused
 * secret, an HTTP error or a network failure.
 */
export async function call(method, path, body) {
  const init = {method, cache: 'no-store', headers: authHeaders(body === undefined ? {} : {'Content-Type': 'application/json'})};
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    throw new ApiError(`The service could not be reached (${e.message}).`, {kind: 'network'});
  }
  const text = await response.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new ApiError(`The service answered HTTP ${response.status} with something that is not JSON.`,
        {status: response.status});
    }
  }
  if (response.status === 401 || response.status === 403) {
    throw refusal(response.status, json);
  }
  if (response.status === 429) {
    throw new ApiError('Too many requests from this address (mj.rate-limit.per-minute); try again in a moment.',
      {status: 429});
  }
  if (!response.ok && !(json && typeof json.code === 'number')) {
    throw new ApiError(`The service answered HTTP ${response.status}.`, {status: response.status, body: json});
  }
  return json;
}

/**
 * A call answering the {code, description, result, properties} envelope: the envelope when the
 * code says the request was taken (1, 21, 22), else an ApiError with the service's description.
 */
export async function envelope(method, path, body) {
  const json = await call(method, path, body);
  if (!json || typeof json.code !== 'number') {
    throw new ApiError('The service answered without a result.');
  }
  if (!ACCEPTED.has(json.code)) {
    const words = CODE_WORDS[json.code] || `Code ${json.code}`;
    throw new ApiError(`${words}: ${json.description || 'no reason given'}`, {code: json.code, body: json});
  }
  return json;
}
