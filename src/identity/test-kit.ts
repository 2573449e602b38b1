// For the identity tests: a publisher that signs SSO tokens, a JWKS server like a publisher's,
// and signing in through the public API.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair, type JWK, type JWTPayload, type CryptoKey } from 'jose';
import type { Api } from '../../test/helpers/api.ts';

export const SSO_SECRET = 'sso-secret-for-tests-that-is-long-enough-0123456789';

export interface Claims extends JWTPayload {
  name?: string;
  email?: string;
  avatar?: string;
  role?: string;
}

/** An HS256 token as a publisher's server would sign it: five minutes long, for `aud`. */
export function signHs(claims: Claims, secret = SSO_SECRET, header: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, exp: now + 300, ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT', ...header }).sign(new TextEncoder().encode(secret));
}

export function signWith(key: CryptoKey, alg: 'RS256' | 'ES256', kid: string, claims: Claims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iat: now, exp: now + 300, ...claims }).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
}

/** A JWT with alg "none": header and payload, empty signature. */
export function unsigned(claims: Claims): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ iat: now, exp: now + 300, ...claims })}.`;
}

export interface KeyPair {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function newKeyPair(kid: string, alg: 'RS256' | 'ES256' = 'RS256'): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** A publisher's JWKS endpoint on a free port; `keys` can change (rotation), `fetches` counts requests. */
export async function startJwksServer(initial: KeyPair[]) {
  const state = { keys: initial, fetches: 0 };
  const server: Server = createServer((request, response) => {
    state.fetches++;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: state.keys.map((k) => k.publicJwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let users = 0;

/** Signs a new publisher user in by SSO; returns the bearer token and the headers that carry it. */
export async function ssoSignIn(api: Api, claims: Claims = {}, site = 'demo') {
  const sub = claims.sub ?? `user-${++users}-${Math.random().toString(36).slice(2, 8)}`;
  const token = await signHs({ sub, name: `Reader ${sub}`, email: `${sub}@readers.example`, aud: site, ...claims });
  const res = await api.request('POST', '/api/v1/auth/sso', { body: { site, token } });
  if (res.status !== 200) throw new Error(`SSO sign-in → ${res.status}: ${res.text}`);
  return { bearer: res.body.token as string, account: res.body.account, headers: { authorization: `Bearer ${res.body.token}` } as Record<string, string> };
}
