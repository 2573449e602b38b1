// "My profile": the signed-in reader's name and picture, their comments, their e-mail
// notifications and their data (download, delete). A chunk of its own (ProfilePanel.tsx
// loads it when first opened), so readers who never open it never download it.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Api } from '../api.ts';
import { t } from '../i18n/t.ts';
import { meApi } from './me.ts';
import { MyComments } from './MyComments.tsx';
import { MyData } from './MyData.tsx';
import { MySubscriptions } from './MySubscriptions.tsx';
import { ProfileForm } from './ProfileForm.tsx';
import css from './profile.css?inline';

export interface ProfileProps {
  api: Api;
  onClose(): void;
  onRenamed(name: string): void;
  onDeleted(): void;
}

export function Profile({ api, onClose, onRenamed, onDeleted }: ProfileProps) {
  const me = useMemo(() => meApi(api), [api]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section class="profile" aria-labelledby="colloquy-profile">
      <style>{css}</style>
      <div class="profile-head">
        <h2 id="colloquy-profile" tabIndex={-1} ref={heading}>
          {t('myProfile')}
        </h2>
        <button type="button" class="link" onClick={onClose}>
          {t('backToComments')}
        </button>
      </div>
      <ProfileForm me={me} onRenamed={onRenamed} />
      <MyComments me={me} />
      <MySubscriptions me={me} />
      <MyData me={me} onDeleted={onDeleted} />
    </section>
  );
}
