// Akismet comment-check: is this comment spam?
//
// Request:  POST {endpoint}/comment-check, application/x-www-form-urlencoded:
//           api_key, blog, user_ip, user_agent, referrer, permalink, comment_type, comment_author,
//           comment_author_email, comment_content, comment_date_gmt, blog_charset, user_role
// Answer:   body "true" (spam) or "false" (not spam); with "true", the header
//           X-akismet-pro-tip: discard marks blatant spam. Anything else ("invalid", with
//           X-akismet-debug-help) is a failure.
// Akismet needs the commenter's IP and user agent: they are sent from the request, never stored.
import { call } from './http-call.ts';
import { ClassifierError, type ClassifierAdapter } from './types.ts';

export const AKISMET_ENDPOINT = 'https://rest.akismet.com/1.1';

export interface AkismetOptions {
  apiKey: string;
  /** The site registered with the key (AKISMET_BLOG_URL). */
  blogUrl: string;
  endpoint?: string;
  userAgent?: string;
}

export function createAkismet({ apiKey, blogUrl, endpoint = AKISMET_ENDPOINT, userAgent = 'Colloquy/0.1 | Akismet/1.0' }: AkismetOptions): ClassifierAdapter {
  const url = `${endpoint.replace(/\/$/, '')}/comment-check`;
  return {
    name: 'akismet',
    async classify(input, { settings, signal }) {
      const ip = input.request?.ip;
      // Akismet requires the IP; without a request (dry run, import) there is nothing to ask.
      if (!ip) return { reasons: [{ phase: 'classifiers', rule: 'akismet.skipped', detail: 'not checked: no client IP (not a live request)' }] };
      const form = new URLSearchParams({
        api_key: apiKey,
        blog: blogUrl,
        user_ip: ip,
        user_agent: input.request?.userAgent ?? '',
        comment_type: 'comment',
        comment_content: input.text,
        blog_charset: 'UTF-8',
      });
      const optional: Record<string, string | null | undefined> = {
        referrer: input.request?.referrer,
        permalink: input.request?.pageUrl,
        comment_author: input.author?.name,
        comment_author_email: input.author?.email,
        comment_date_gmt: input.at !== undefined ? new Date(input.at).toISOString() : undefined,
        user_role: input.author?.trusted ? 'administrator' : undefined,
      };
      for (const [key, value] of Object.entries(optional)) if (value) form.set(key, value);
      const answer = await call(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': userAgent },
        body: form.toString(),
        signal,
      });
      const body = answer.body.trim();
      if (answer.status !== 200 || (body !== 'true' && body !== 'false')) {
        const help = answer.headers.get('x-akismet-debug-help') ?? answer.headers.get('x-akismet-error');
        throw new ClassifierError('status', `HTTP ${answer.status} "${body.slice(0, 40)}"${help ? `: ${help}` : ''}`);
      }
      if (body === 'false') return { reasons: [] };
      const discard = answer.headers.get('x-akismet-pro-tip')?.trim().toLowerCase() === 'discard';
      if (discard) {
        return { reasons: [{ phase: 'classifiers', rule: 'akismet.discard', category: 'spam', detail: 'Akismet: blatant spam (pro-tip: discard)' }], decision: 'spam' };
      }
      return { reasons: [{ phase: 'classifiers', rule: 'akismet.spam', category: 'spam', detail: 'Akismet: spam' }], decision: settings.classifiers.akismet.action };
    },
  };
}
