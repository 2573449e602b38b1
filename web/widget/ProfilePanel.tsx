// Opens "My profile". Its view is a chunk of its own (profile/Profile.tsx), fetched the first
// time a reader opens it, so the widget everyone downloads stays small.
import { useEffect, useState } from 'preact/hooks';
import { t } from './i18n/t.ts';
import type { Profile, ProfileProps } from './profile/Profile.tsx';

type View = typeof Profile;
let loading: Promise<View> | null = null;

export function ProfilePanel(props: ProfileProps) {
  const [View, setView] = useState<View | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    loading ??= import('./profile/Profile.tsx').then((m) => m.Profile);
    loading.then(
      (view) => setView(() => view),
      () => {
        loading = null; // try again next time
        setFailed(true);
      },
    );
  }, []);

  if (View) return <View {...props} />;
  return <p class={failed ? 'status error' : 'status'}>{failed ? t('errorNetwork') : t('loadingProfile')}</p>;
}
