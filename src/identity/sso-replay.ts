// SSO replay blocking: a publisher token that carries a `jti` is exchanged for a session once.
// The jti is kept (per site) until the token expires; after that the token is refused as
// expired anyway, so the row can go. Tokens without a jti rely on their short lifetime alone.
import { AppError } from '../platform/errors.ts';
import type { IdentityStore } from './store.ts';

// Expired jtis are swept at most this often per node: the sweep is one indexed DELETE.
const SWEEP_EVERY_MS = 60_000;
// A token is refused only after exp + the clock skew we allow; keep the jti that long too.
const KEEP_AFTER_EXP_MS = 60_000;

export const replayed = () => new AppError(401, 'sso_token_replayed', 'The SSO token was refused: it has been used already; the page must sign a new one', 'token');

export function createSsoReplayGuard({ store, now }: { store: IdentityStore; now: () => number }) {
  let sweptAt = 0;
  return {
    /** Claims the token's jti for this exchange, or throws 401 sso_token_replayed. No jti: nothing to claim. */
    async claim(siteId: string, jti: string | null, expSeconds: number): Promise<void> {
      if (jti === null) return;
      const at = now();
      if (at - sweptAt > SWEEP_EVERY_MS) {
        sweptAt = at;
        await store.purgeUsedSsoTokens(at);
      }
      if (!(await store.useSsoToken(siteId, jti, expSeconds * 1000 + KEEP_AFTER_EXP_MS))) throw replayed();
    },
  };
}

export type SsoReplayGuard = ReturnType<typeof createSsoReplayGuard>;
