// Display name and picture: a generated identicon, or the reader's Gravatar if they opt in
// (Gravatar then sees a hash of their address). A picture set by the publisher's SSO wins.
import { useEffect, useId, useState } from 'preact/hooks';
import { Avatar } from '../Avatar.tsx';
import { t } from '../i18n/t.ts';
import type { MeApi } from './me.ts';
import type { Profile } from './types.ts';
import { Note } from './Note.tsx';
import { useTask } from './useTask.ts';

type Mode = Profile['avatar']['mode'];

export function ProfileForm({ me, onRenamed }: { me: MeApi; onRenamed(name: string): void }) {
  const [profile, setProfile] = useState<Profile | null>(null);
  const [name, setName] = useState('');
  const [mode, setMode] = useState<Mode>('identicon');
  const { busy, note, run } = useTask();
  const id = useId();

  const show = (p: Profile) => {
    setProfile(p);
    setName(p.name);
    setMode(p.avatar.mode);
  };
  useEffect(() => void run(async () => show(await me.profile())), [me, run]);

  if (!profile) return <Note note={note} />;
  const { avatar } = profile;

  const save = () =>
    run(async () => {
      const change: { name?: string; avatar?: Mode } = {};
      if (name.trim() !== profile.name) change.name = name.trim();
      if (mode !== profile.avatar.mode) change.avatar = mode;
      if (Object.keys(change).length) {
        const updated = await me.update(change);
        show(updated);
        onRenamed(updated.name);
      }
      return t('profileSaved');
    });

  const choice = (value: Mode, label: string) => (
    <label class="choice">
      <input type="radio" name="colloquy-picture" value={value} checked={mode === value} disabled={busy} onChange={() => setMode(value)} /> {label}
    </label>
  );

  return (
    <form
      class="profile-form"
      aria-busy={busy}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {/* The saved picture: Gravatar is asked for nothing until the reader saves that choice. */}
      <Avatar name={name} src={avatar.url} />
      <div class="field">
        <label for={id}>{t('displayName')}</label>
        <input id={id} required maxLength={80} value={name} disabled={busy} onInput={(e) => setName(e.currentTarget.value)} />
      </div>
      {avatar.fromPublisher ? (
        <p class="muted">{t('pictureFromSite')}</p>
      ) : (
        <fieldset class="field">
          <legend>{t('pictureLabel')}</legend>
          {choice('identicon', t('pictureIdenticon'))}
          {avatar.gravatar && choice('gravatar', t('pictureGravatar'))}
        </fieldset>
      )}
      <div class="buttons">
        <button type="submit" class="primary" disabled={busy || !name.trim()}>
          {t('save')}
        </button>
      </div>
      <Note note={note} />
    </form>
  );
}
