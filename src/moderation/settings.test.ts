import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultModerationSettings, resolveModerationSettings } from './settings.ts';

describe('resolveModerationSettings: the phases beyond text', () => {
  test('defaults: open threads, honeypot and ALTCHA on, duplicates and links on, no premoderation, no classifiers', () => {
    const s = resolveModerationSettings(undefined);
    assert.deepEqual(s.closing, { siteClosed: false, autoCloseDays: null });
    assert.deepEqual(s.bots, { honeypot: true, altcha: true, altchaFailure: 'spam' });
    assert.equal(s.duplicates.enabled, true);
    assert.equal(s.links.max, 3);
    assert.deepEqual(s.premoderation, { mode: 'none', firstCount: 1 });
    assert.equal(s.classifiers.perspective.enabled, false);
    assert.deepEqual(s, defaultModerationSettings);
  });

  test('valid values are kept', () => {
    const s = resolveModerationSettings({
      closing: { siteClosed: true, autoCloseDays: 30 },
      bots: { honeypot: false, altcha: false, altchaFailure: 'pending' },
      duplicates: { similarity: 0.9, sameAuthor: { windowMinutes: 30, minLength: 5, action: 'pending' }, crossAuthor: { minAuthors: 5, action: 'spam' } },
      links: { max: 0, deny: ['HTTPS://WWW.Spam.com/x', 'bücher.de'], allow: ['example.org'], unlisted: 'pending', shorteners: 'rejected', obfuscated: 'allow' },
      premoderation: { mode: 'first', firstCount: 3 },
      classifiers: {
        timeoutMs: 800,
        perspective: { enabled: true, failure: 'closed', languages: ['en', 'pt-BR'], thresholds: { THREAT: { pending: 0.5, rejected: null } } },
        akismet: { enabled: true, action: 'pending' },
        http: { enabled: true, thresholds: { toxic: { pending: 0.6, rejected: 0.9 } } },
      },
    });
    assert.deepEqual(s.closing, { siteClosed: true, autoCloseDays: 30 });
    assert.deepEqual(s.bots, { honeypot: false, altcha: false, altchaFailure: 'pending' });
    assert.deepEqual(s.duplicates, {
      enabled: true, similarity: 0.9,
      sameAuthor: { windowMinutes: 30, minLength: 5, action: 'pending' },
      crossAuthor: { windowMinutes: 60, minLength: 40, action: 'spam', minAuthors: 5 },
    });
    assert.deepEqual(s.links.deny, ['spam.com', 'xn--bcher-kva.de']);
    assert.equal(s.links.max, 0);
    assert.equal(s.links.obfuscated, 'allow');
    assert.deepEqual(s.premoderation, { mode: 'first', firstCount: 3 });
    assert.equal(s.classifiers.timeoutMs, 800);
    assert.deepEqual(s.classifiers.perspective.languages, ['en', 'pt-BR']);
    assert.deepEqual(s.classifiers.perspective.thresholds.THREAT, { pending: 0.5, rejected: null });
    assert.deepEqual(s.classifiers.perspective.thresholds.TOXICITY, defaultModerationSettings.classifiers.perspective.thresholds.TOXICITY);
    assert.deepEqual(s.classifiers.akismet, { enabled: true, failure: 'open', action: 'pending' });
    assert.deepEqual(s.classifiers.http.thresholds, { toxic: { pending: 0.6, rejected: 0.9 } });
  });

  test('invalid values fall back one by one', () => {
    const s = resolveModerationSettings({
      closing: { siteClosed: 'yes', autoCloseDays: -3 },
      bots: { honeypot: 1, altchaFailure: 'approve' },
      duplicates: { similarity: 0.1, sameAuthor: { windowMinutes: 0, action: 'explode' }, crossAuthor: { minAuthors: 1 } },
      links: { max: -1, deny: 'spam.com', allow: [42, 'not a domain', 'ok.org'], tooMany: 'maybe' },
      premoderation: { mode: 'some', firstCount: 1000 },
      classifiers: { timeoutMs: 5, perspective: { failure: 'sideways', languages: ['english!'], thresholds: { TOXICITY: { pending: 7 } } }, http: { thresholds: { 'bad label!': {} } } },
    });
    const d = defaultModerationSettings;
    assert.deepEqual(s.closing, d.closing);
    assert.deepEqual(s.bots, d.bots);
    assert.deepEqual(s.duplicates, d.duplicates);
    assert.equal(s.links.max, d.links.max);
    assert.deepEqual(s.links.deny, []);
    assert.deepEqual(s.links.allow, ['ok.org']);
    assert.equal(s.links.tooMany, d.links.tooMany);
    assert.deepEqual(s.premoderation, d.premoderation);
    assert.equal(s.classifiers.timeoutMs, d.classifiers.timeoutMs);
    assert.equal(s.classifiers.perspective.failure, 'open');
    assert.deepEqual(s.classifiers.perspective.languages, []);
    assert.deepEqual(s.classifiers.perspective.thresholds.TOXICITY, d.classifiers.perspective.thresholds.TOXICITY);
    assert.deepEqual(s.classifiers.http.thresholds, {});
  });
});
