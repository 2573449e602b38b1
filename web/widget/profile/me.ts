// The profile view's calls to /api/v1/me, made through the widget's own client (same headers, same errors).
import type { Api } from '../api.ts';
import type { MyComment, MySubscription, Profile } from './types.ts';

export function meApi(api: Api) {
  const enc = encodeURIComponent;
  return {
    profile: () => api.call<Profile>('GET', '/me/profile'),
    update: (change: { name?: string; avatar?: Profile['avatar']['mode'] }) => api.call<Profile>('PATCH', '/me/profile', undefined, change),
    comments: (cursor: string | null) => api.call<{ comments: MyComment[]; nextCursor: string | null }>('GET', '/me/comments', { cursor, limit: 10 }),
    subscriptions: () => api.call<{ subscriptions: MySubscription[] }>('GET', '/me/subscriptions'),
    unsubscribe: (id: string) => api.call<{ unsubscribed: string }>('DELETE', `/me/subscriptions/${enc(id)}`),
    export: () => api.call<object>('GET', '/me/export'),
    deleteAccount: () => api.call<{ deleted: true; comments: 'anonymised' | 'removed' }>('DELETE', '/me'),
  };
}

export type MeApi = ReturnType<typeof meApi>;
