// Site settings through the admin API, on SQLite and PostgreSQL: every setting of
// docs/ADMIN-API.md §9 survives GET → PUT → GET; each one given a bad value is 400 with
// `error.field` naming it exactly, and changes nothing; partial objects merge at every depth.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { staffClient, type AdminClient } from '../../../test/helpers/admin.ts';
import { ENGINES } from '../../../test/helpers/databases.ts';
import { useServer } from '../../../test/helpers/suite.ts';

const SITE = 'settingsite';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** [path under settings, a valid value other than the default, what GET then shows (if not the same)]. */
const VALID: Array<[string, Json, Json?]> = [
  ['maxDepth', 3],
  ['editWindowSeconds', 60],
  ['theme', 'dark'],
  ['onAccountDelete', 'remove'],
  ['ssoJwksUrl', 'https://auth.example/jwks.json'],
  ['inline.attraction', 'pulse'],
  ['inline.readerSelection', false],
  ['inline.root', 'article .body'],
  ['moderation.premoderation.mode', 'first'],
  ['moderation.premoderation.firstCount', 3],
  ['moderation.closing.siteClosed', true],
  ['moderation.closing.autoCloseDays', 30],
  ['moderation.terms.banned', ['zorblax', { term: 'kike', category: 'slur', match: 'stem' }]],
  ['moderation.terms.suspect', [{ term: 'crypto', match: 'prefix' }]],
  ['moderation.terms.allow', ['scunthorpe']],
  ['moderation.links.enabled', false],
  ['moderation.links.max', 0],
  ['moderation.links.tooMany', 'spam'],
  ['moderation.links.allow', ['Example.ORG', 'https://www.news.example/path'], ['example.org', 'news.example']],
  ['moderation.links.deny', ['spam.example']],
  ['moderation.links.denyAction', 'rejected'],
  ['moderation.links.unlisted', 'pending'],
  ['moderation.links.shorteners', 'allow'],
  ['moderation.links.shortenerDomains', ['sho.rt']],
  ['moderation.links.linkOnly', 'allow'],
  ['moderation.links.obfuscated', 'spam'],
  ['moderation.bots.honeypot', false],
  ['moderation.bots.altcha', true],
  ['moderation.bots.altchaFailure', 'pending'],
  ['moderation.duplicates.enabled', false],
  ['moderation.duplicates.similarity', 0.9],
  ['moderation.duplicates.sameAuthor.windowMinutes', 30],
  ['moderation.duplicates.sameAuthor.minLength', 5],
  ['moderation.duplicates.sameAuthor.action', 'pending'],
  ['moderation.duplicates.crossAuthor.windowMinutes', 120],
  ['moderation.duplicates.crossAuthor.minLength', 50],
  ['moderation.duplicates.crossAuthor.action', 'spam'],
  ['moderation.duplicates.crossAuthor.minAuthors', 5],
  ['moderation.scorer.enabled', false],
  ['moderation.scorer.thresholds.insult.pending', 0.4],
  ['moderation.scorer.thresholds.spam.rejected', null],
  ['moderation.classifiers.timeoutMs', 800],
  ['moderation.classifiers.perspective.enabled', true],
  ['moderation.classifiers.perspective.failure', 'closed'],
  ['moderation.classifiers.perspective.languages', ['en', 'pt-BR']],
  ['moderation.classifiers.perspective.thresholds.THREAT.pending', 0.5],
  ['moderation.classifiers.akismet.enabled', true],
  ['moderation.classifiers.akismet.failure', 'closed'],
  ['moderation.classifiers.akismet.action', 'pending'],
  ['moderation.classifiers.http.enabled', true],
  ['moderation.classifiers.http.failure', 'closed'],
  ['moderation.classifiers.http.thresholds', { toxic: { pending: 0.6, rejected: 0.9 } }],
  ['moderation.reports.threshold', 5],
  ['moderation.rateLimits.postsPerMinute', 10],
  ['moderation.rateLimits.postsPerHour', 100],
  // Back to the defaults that are null.
  ['moderation.closing.autoCloseDays', null],
  ['ssoJwksUrl', null],
  ['inline.root', null],
];

/** [path, a bad value, the field the 400 names (the path when not given)]. */
const INVALID: Array<[string, Json, string?]> = [
  ['maxDepth', 11],
  ['maxDepth', 2.5],
  ['editWindowSeconds', -1],
  ['theme', 'purple'],
  ['onAccountDelete', 'burn'],
  ['ssoJwksUrl', 'ftp://auth.example/jwks'],
  ['inline.attraction', 'loud'],
  ['inline.readerSelection', 'no'],
  ['favourite', 1],
  ['version', 9],
  ['moderation', 'strict'],
  ['moderation.colour', 'red'],
  ['moderation.premoderation.mode', 'sometimes'],
  ['moderation.premoderation.firstCount', 0],
  ['moderation.premoderation.firstCount', 101],
  ['moderation.closing.siteClosed', 'yes'],
  ['moderation.closing.autoCloseDays', 0],
  ['moderation.terms.banned', ['fine', 42], 'moderation.terms.banned.1'],
  ['moderation.terms.banned', ['x'.repeat(201)], 'moderation.terms.banned.0'],
  ['moderation.terms.suspect', [{ term: 'crypto', match: 'everywhere' }], 'moderation.terms.suspect.0.match'],
  ['moderation.terms.suspect', [{ term: 'crypto', weight: 3 }], 'moderation.terms.suspect.0.weight'],
  ['moderation.terms.allow', 'scunthorpe'],
  ['moderation.terms.version', '7'],
  ['moderation.links.max', -1],
  ['moderation.links.max', 1001],
  ['moderation.links.tooMany', 'maybe'],
  ['moderation.links.allow', ['ok.example', 'not a domain'], 'moderation.links.allow.1'],
  ['moderation.bots.altchaFailure', 'allow'],
  ['moderation.duplicates.similarity', 0.1],
  ['moderation.duplicates.sameAuthor.windowMinutes', 0],
  ['moderation.duplicates.sameAuthor.action', 'explode'],
  ['moderation.duplicates.crossAuthor.minAuthors', 1],
  ['moderation.scorer.thresholds.insult.pending', 2],
  ['moderation.scorer.thresholds.spam.rejected', -0.1],
  ['moderation.scorer.thresholds.bogus', { pending: 0.5 }],
  ['moderation.classifiers.timeoutMs', 5],
  ['moderation.classifiers.perspective.failure', 'sideways'],
  ['moderation.classifiers.perspective.languages', ['en', 'english!'], 'moderation.classifiers.perspective.languages.1'],
  ['moderation.classifiers.perspective.thresholds.THREAT.pending', 1.5],
  ['moderation.classifiers.akismet.action', 'rejected'],
  ['moderation.classifiers.http.thresholds', { 'bad label!': { pending: 0.5 } }, 'moderation.classifiers.http.thresholds.bad label!'],
  ['moderation.reports.threshold', 0],
  ['moderation.reports.threshold', 101],
  ['moderation.rateLimits.postsPerMinute', 0],
  ['moderation.rateLimits.postsPerHour', 100_001],
];

/** `{ a: { b: value } }` for the path "a.b". */
function nest(path: string, value: Json): Json {
  return path.split('.').reduceRight<Json>((inner, key) => ({ [key]: inner }), value);
}

function get(obj: Json, path: string): Json | undefined {
  return path.split('.').reduce<Json | undefined>((v, key) => (v && typeof v === 'object' && !Array.isArray(v) ? v[key] : undefined), obj);
}

for (const engine of ENGINES) {
  describe(`site settings API (${engine.name})`, () => {
    const h = useServer(engine);
    let admin: AdminClient;

    before(async () => {
      await h.addSite(SITE, ['https://publisher.example']);
      ({ client: admin } = await staffClient(h.server, [{ site: SITE, role: 'admin' }], 'settings'));
    });

    const read = async () => {
      const res = await admin.request('GET', `/api/v1/admin/sites/${SITE}/settings`);
      assert.equal(res.status, 200, res.text);
      return res.body as { site: string; version: number; settings: Json };
    };
    const put = (version: number, settings: Json) => admin.request('PUT', `/api/v1/admin/sites/${SITE}/settings`, { version, settings });

    it('GET answers every setting, defaults filled in, and a PUT of it unchanged is accepted as is', async () => {
      const doc = await read();
      assert.equal(doc.site, SITE);
      for (const [path] of VALID) assert.notEqual(get(doc.settings, path), undefined, `GET shows ${path}`);
      assert.equal(get(doc.settings, 'moderation.terms.version'), undefined, 'the lists are versioned by the server, not shown');
      const res = await put(doc.version, doc.settings);
      assert.equal(res.status, 200, res.text);
      assert.equal(res.body.version, doc.version + 1);
      assert.deepEqual(res.body.settings, doc.settings);
    });

    it('keeps every setting as given, one PUT each, and the next GET shows it', async () => {
      for (const [path, value, shown = value] of VALID) {
        const { version } = await read();
        const res = await put(version, nest(path, value));
        assert.equal(res.status, 200, `${path}: ${res.text}`);
        assert.deepEqual(get(res.body.settings, path), shown, `PUT answers ${path}`);
        assert.deepEqual(get((await read()).settings, path), shown, `GET shows ${path}`);
      }
      // Everything changed at once survives a round trip of the whole document too.
      const doc = await read();
      const again = await put(doc.version, doc.settings);
      assert.equal(again.status, 200, again.text);
      assert.deepEqual(again.body.settings, doc.settings);
      assert.equal(get(doc.settings, 'moderation.premoderation.mode'), 'first', 'earlier changes stayed while later ones were made');
    });

    it('refuses each bad value with 400 naming its field, and changes nothing', async () => {
      const before = await read();
      for (const [path, value, field = path] of INVALID) {
        const res = await put(before.version, nest(path, value));
        assert.equal(res.status, 400, `${path} = ${JSON.stringify(value)} → ${res.status} ${res.text}`);
        assert.equal(res.body.error.code, 'invalid_request');
        assert.equal(res.body.error.field, `settings.${field}`, `${path} = ${JSON.stringify(value)}`);
        assert.equal(typeof res.body.error.message, 'string');
      }
      assert.deepEqual(await read(), before);
      const stale = await put(before.version - 1, { maxDepth: 4 });
      assert.equal(stale.status, 409);
      assert.equal(stale.body.error.code, 'version_conflict');
      assert.equal(stale.body.error.field, 'version');
      for (const body of [{ settings: {} }, { version: -1, settings: {} }, { version: before.version, settings: [] }]) {
        const res = await admin.request('PUT', `/api/v1/admin/sites/${SITE}/settings`, body);
        assert.equal(res.status, 400, JSON.stringify(body));
        assert.match(res.body.error.field, /^(version|settings)$/);
      }
    });

    it('refuses values nested thousands deep, and versions past any save count, with 400 naming the field', async () => {
      const before = await read();
      const arrays = '['.repeat(10_000) + ']'.repeat(10_000);
      const objects = '{"a":'.repeat(10_000) + '0' + '}'.repeat(10_000);
      // Sent as text: the test's own JSON.stringify would overflow on such values, as the server's once did.
      const putRaw = (settings: string) =>
        fetch(`${h.server.url}/api/v1/admin/sites/${SITE}/settings`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
          body: `{"version":${before.version},"settings":${settings}}`,
        });
      const deep: Array<[string, string]> = [
        [`{"maxDepth":${arrays}}`, 'settings.maxDepth'],
        [`{"theme":${objects}}`, 'settings.theme'],
        [`{"inline":${objects}}`, 'settings.inline.a'],
        [`{"favourite":${arrays}}`, 'settings.favourite'],
        [`{"moderation":{"links":{"allow":${arrays}}}}`, 'settings.moderation.links.allow.0'],
      ];
      for (const [settings, field] of deep) {
        const res = await putRaw(settings);
        const body = (await res.json()) as { error: { code: string; field: string } };
        assert.equal(res.status, 400, `${field}: ${JSON.stringify(body)}`);
        assert.deepEqual([body.error.code, body.error.field], ['invalid_request', field]);
      }
      for (const version of [1e308, 2 ** 53]) {
        const res = await put(version, { maxDepth: 4 });
        assert.equal(res.status, 400, `version ${version}: ${res.text}`);
        assert.equal(res.body.error.field, 'version');
      }
      assert.deepEqual(await read(), before);
    });

    it('merges partial objects at every depth, top-level objects included', async () => {
      const doc = await read();
      const res = await put(doc.version, { inline: { attraction: 'off' }, moderation: { duplicates: { crossAuthor: { minAuthors: 7 } } } });
      assert.equal(res.status, 200, res.text);
      const now = res.body.settings;
      assert.equal(get(now, 'inline.attraction'), 'off');
      assert.deepEqual(get(now, 'inline.readerSelection'), get(doc.settings, 'inline.readerSelection'), 'inline keeps its other keys');
      assert.equal(get(now, 'moderation.duplicates.crossAuthor.minAuthors'), 7);
      assert.equal(get(now, 'moderation.duplicates.crossAuthor.windowMinutes'), get(doc.settings, 'moderation.duplicates.crossAuthor.windowMinutes'));
    });
  });
}
