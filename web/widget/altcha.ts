// ALTCHA proof of work for guest comments, without a library (size budget): fetch a challenge,
// try counters until SHA-256(salt ‖ nonce ‖ counter as 4 bytes big-endian), hashed `cost`
// times, starts with the challenge's key prefix, and return the base64 payload to send as
// `altcha` in the POST body. Solve right before posting (a challenge expires and works once).
export interface AltchaChallenge {
  parameters: {
    algorithm: string;
    nonce: string;
    salt: string;
    cost: number;
    keyLength?: number;
    keyPrefix: string;
    [key: string]: unknown;
  };
  signature?: string;
}

export interface AltchaOptions {
  signal?: AbortSignal;
  /** Give up after this long (ms); default 60 s. */
  maxMs?: number;
  /** Counters hashed concurrently (Web Crypto works off the main thread). */
  batch?: number;
}

/** Fetches a challenge for the site and returns the solved payload for the `altcha` field. */
export async function altchaPayload(apiBase: string, site: string, options: AltchaOptions = {}): Promise<string> {
  const res = await fetch(`${apiBase}/api/v1/altcha/challenge?site=${encodeURIComponent(site)}`, { signal: options.signal });
  if (!res.ok) throw new Error(`ALTCHA challenge: HTTP ${res.status}`);
  const challenge = (await res.json()) as AltchaChallenge;
  return solveAltcha(challenge, options);
}

/** Solves a challenge; the payload is base64 of {"challenge", "solution": {"counter", "derivedKey", "time"}}. */
export async function solveAltcha(challenge: AltchaChallenge, options: AltchaOptions = {}): Promise<string> {
  const { algorithm, nonce, salt, cost, keyLength = 32, keyPrefix } = challenge.parameters;
  if (algorithm !== 'SHA-256') throw new Error(`ALTCHA: unsupported algorithm ${algorithm}`);
  const started = Date.now();
  const deadline = started + (options.maxMs ?? 60_000);
  const batch = options.batch ?? 32;
  const head = concat(bytes(salt), bytes(nonce));
  const prefix = keyPrefix.toLowerCase();
  for (let base = 0; base <= 0xffffffff; base += batch) {
    if (options.signal?.aborted) throw new Error('ALTCHA: aborted');
    if (Date.now() > deadline) throw new Error('ALTCHA: took too long');
    const tries: Promise<Uint8Array>[] = [];
    for (let counter = base; counter < base + batch; counter++) tries.push(derive(head, counter, cost, keyLength));
    const keys = await Promise.all(tries);
    for (let i = 0; i < keys.length; i++) {
      const key = hex(keys[i]);
      if (!key.startsWith(prefix)) continue;
      const solution = { counter: base + i, derivedKey: key, time: Date.now() - started };
      return toBase64(JSON.stringify({ challenge, solution }));
    }
  }
  throw new Error('ALTCHA: no solution');
}

async function derive(head: Uint8Array, counter: number, cost: number, keyLength: number): Promise<Uint8Array> {
  const data = new Uint8Array(head.length + 4);
  data.set(head);
  new DataView(data.buffer).setUint32(head.length, counter, false);
  let key = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  for (let i = 1; i < cost; i++) key = new Uint8Array(await crypto.subtle.digest('SHA-256', key));
  return key.subarray(0, keyLength);
}

function bytes(hexText: string): Uint8Array {
  const out = new Uint8Array(hexText.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hexText.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function hex(data: Uint8Array): string {
  let s = '';
  for (const b of data) s += (b < 16 ? '0' : '') + b.toString(16);
  return s;
}

function toBase64(text: string): string {
  let binary = '';
  for (const b of new TextEncoder().encode(text)) binary += String.fromCharCode(b);
  return btoa(binary);
}
