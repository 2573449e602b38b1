// Who is signed in here: a kept session, or one made now from an e-mailed link or the
// publisher's SSO token. Signing out forgets the token and revokes it on the server.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { asSession, type Api } from './api.ts';
import { keep, linkToken, session, ssoToken, type Session } from './auth.ts';
import type { MountOptions } from './options.ts';

export function useAccount(api: Api, options: MountOptions) {
  const [current, setCurrent] = useState<Session | null>(() => session(options.site));
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const adopt = (s: Session | null) => {
      keep(options.site, s);
      setCurrent(s);
    };
    const link = linkToken();
    const sso = ssoToken(options.sso);
    const had = session(options.site);
    const work = link
      ? api.verify(link).then((r) => adopt(asSession(r)))
      : sso && had?.sub !== sso.sub
        ? api.sso(sso.jwt).then((r) => adopt(asSession(r, sso.sub)))
        : // The publisher signed its user out: so do we.
          !sso && had?.sub
          ? Promise.resolve(adopt(null))
          : Promise.resolve();
    work.catch(() => {}).finally(() => setReady(true));
  }, [api, options]);

  const signOut = useCallback(() => {
    api.signOut().catch(() => {});
    keep(options.site, null);
    setCurrent(null);
  }, [api, options]);

  /** The account is gone on the server (deleted): forget it here without another request. */
  const forget = useCallback(() => {
    keep(options.site, null);
    setCurrent(null);
  }, [options]);

  /** Shows a new display name at once (the profile view changed it). */
  const rename = useCallback(
    (name: string) => {
      const s = session(options.site);
      if (!s) return;
      keep(options.site, { ...s, name });
      setCurrent({ ...s, name });
    },
    [options],
  );

  return { account: current, ready, signOut, forget, rename };
}
