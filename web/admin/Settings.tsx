// Site settings (admins): premoderation, closing, depth, term lists with a live preview, links,
// rate limits, bots, duplicates, reports, the scorer's and classifiers' thresholds, each at its
// path in the API's document (docs/ADMIN-API.md §9). Saves only what changed, with the version
// the server gave (409 when someone saved meanwhile).
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { useConsole } from './context.ts';
import { CheckField, Form, LabelAdder, LinesField, NumberField, RadioField, SelectField, ThresholdTable, type FormContext } from './fields.tsx';
import { t, tr } from './i18n/t.ts';
import { PreviewBox } from './PreviewBox.tsx';
import { changedSettings, getPath, linesToList, listToLines, setPath, termsToText, textToTerms, type Path } from './settingsForm.ts';
import type { Json, JsonObject, SettingsDoc } from './types.ts';

const M = (...rest: string[]): Path => ['moderation', ...rest];

/** What a rule may do (docs/ADMIN-API.md §9: every rule takes any of these). */
const RULE_ACTIONS: [string, string][] = [
  ['pending', t('ruleHold')],
  ['spam', t('ruleSpam')],
  ['rejected', t('ruleReject')],
  ['allow', t('ruleAllow')],
];

function FailureField({ path, label }: { path: Path; label: string }) {
  return (
    <RadioField
      path={path}
      label={label}
      options={[
        ['open', t('failOpen'), t('failOpenHint')],
        ['closed', t('failClosed'), t('failClosedHint')],
      ]}
    />
  );
}

export function Settings() {
  const { api, site, toast } = useConsole();
  const [doc, setDoc] = useState<SettingsDoc | null>(null);
  const [draft, setDraft] = useState<JsonObject>({});
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<{ field?: string; message: string; code?: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [generation, setGeneration] = useState(0);
  const summary = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      const d = await api.settings(site.id);
      setDoc(d);
      setDraft(d.settings);
      setError(null);
      setGeneration((g) => g + 1);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : t('errorGeneric'));
    }
  }, [api, site.id]);

  useEffect(() => {
    setDoc(null);
    void load();
  }, [load]);

  const changes = useMemo(() => (doc ? changedSettings(doc.settings, draft) : {}), [doc, draft]);
  const dirty = Object.keys(changes).length > 0;
  const termsDirty = !!(changes.moderation as JsonObject | undefined)?.terms;

  const form: FormContext = useMemo(
    () => ({ draft, error, generation, set: (path: Path, value: Json) => setDraft((d) => setPath(d, path, value)) }),
    [draft, error, generation],
  );

  const save = async (e: Event) => {
    e.preventDefault();
    if (!doc || !dirty) return;
    setSaving(true);
    try {
      const next = await api.saveSettings(site.id, doc.version, changes);
      setDoc(next);
      setDraft(next.settings);
      setError(null);
      setGeneration((g) => g + 1);
      toast({ message: t('settingsSaved') });
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : null;
      const message = apiErr?.code === 'version_conflict' ? t('settingsConflict') : err instanceof Error ? err.message : t('errorGeneric');
      setError({ field: apiErr?.field, message, code: apiErr?.code });
      setTimeout(() => focusError(apiErr?.field) || summary.current?.focus());
    }
    setSaving(false);
  };

  if (site.role !== 'admin') return <p class="status">{t('adminOnly')}</p>;
  if (loadError)
    return (
      <p class="status error" role="alert">
        {loadError}{' '}
        <button type="button" class="link" onClick={() => void load()}>
          {t('retry')}
        </button>
      </p>
    );
  if (!doc) return <p class="status">{t('loading')}</p>;

  const keysAt = (path: Path): string[] => {
    const v = getPath(draft, path);
    return v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v) : [];
  };
  return (
    <Form.Provider value={form}>
      <form class="settings form" onSubmit={save} noValidate aria-labelledby="settings-title">
        <div class="settings-head">
          <h1 id="settings-title">{t('settingsTitle', { site: site.name })}</h1>
          <span class="muted">{t('settingsVersion', { version: doc.version })}</span>
        </div>
        <div ref={summary} tabIndex={-1} class="summary" role="alert">
          {error && (
            <p class="error">
              {error.message}
              {error.field && <span class="muted"> ({error.field})</span>}{' '}
              {error.code === 'version_conflict' && (
                <button type="button" class="link" onClick={() => void load()}>
                  {t('reload')}
                </button>
              )}
            </p>
          )}
        </div>

        <section class="panel" aria-labelledby="s-premod">
          <h2 id="s-premod">{t('sectionPremoderation')}</h2>
          <RadioField
            path={M('premoderation', 'mode')}
            label={t('premoderation')}
            options={[
              ['none', t('premodNone'), t('premodNoneHint')],
              ['first', t('premodFirst'), t('premodFirstHint')],
              ['all', t('premodAll'), t('premodAllHint')],
            ]}
          />
          <NumberField path={M('premoderation', 'firstCount')} label={t('premodFirstCount')} hint={t('premodFirstCountHint')} min={1} max={100} />
          <NumberField path={M('reports', 'threshold')} label={t('reportsThreshold')} hint={t('reportsThresholdHint')} min={1} max={100} />
        </section>

        <section class="panel" aria-labelledby="s-threads">
          <h2 id="s-threads">{t('sectionThreads')}</h2>
          <CheckField path={M('closing', 'siteClosed')} label={t('siteClosed')} />
          <NumberField path={M('closing', 'autoCloseDays')} label={t('autoCloseDays')} hint={t('autoCloseHint')} nullable min={1} />
          <NumberField path={['maxDepth']} label={t('maxDepth')} hint={t('maxDepthHint')} min={1} max={10} />
          <NumberField path={['editWindowSeconds']} label={t('editWindow')} min={0} />
        </section>

        <section class="panel" aria-labelledby="s-terms">
          <h2 id="s-terms">{t('sectionTerms')}</h2>
          <p class="hint">{t('termsHint')}</p>
          <div class="columns">
            <LinesField path={M('terms', 'banned')} label={t('termsBanned')} hint={t('termsBannedHint')} parse={textToTerms} show={termsToText} />
            <LinesField path={M('terms', 'suspect')} label={t('termsSuspect')} hint={t('termsSuspectHint')} parse={textToTerms} show={termsToText} />
            <LinesField path={M('terms', 'allow')} label={t('termsAllow')} hint={t('termsAllowHint')} parse={linesToList} show={listToLines} />
          </div>
          <PreviewBox unsaved={termsDirty} />
        </section>

        <section class="panel" aria-labelledby="s-links">
          <h2 id="s-links">{t('sectionLinks')}</h2>
          <CheckField path={M('links', 'enabled')} label={t('linksEnabled')} />
          <div class="row">
            <NumberField path={M('links', 'max')} label={t('linksMax')} min={0} max={1000} />
            <SelectField path={M('links', 'tooMany')} label={t('linksOverMax')} options={RULE_ACTIONS} />
            <SelectField path={M('links', 'shorteners')} label={t('linksShorteners')} options={RULE_ACTIONS} />
            {(['unlisted', 'denyAction', 'linkOnly', 'obfuscated'] as const).map((k) => (
              <SelectField key={k} path={M('links', k)} label={tr('links', k)} options={RULE_ACTIONS} />
            ))}
          </div>
          <div class="columns two">
            <LinesField path={M('links', 'allow')} label={t('linksAllow')} hint={t('domainsHint')} parse={linesToList} show={listToLines} rows={4} />
            <LinesField path={M('links', 'deny')} label={t('linksDeny')} hint={t('domainsHint')} parse={linesToList} show={listToLines} rows={4} />
            <LinesField path={M('links', 'shortenerDomains')} label={t('linksShortenerDomains')} hint={t('domainsHint')} parse={linesToList} show={listToLines} rows={4} />
          </div>
        </section>

        <section class="panel" aria-labelledby="s-limits">
          <h2 id="s-limits">{t('sectionLimits')}</h2>
          <div class="row">
            <NumberField path={M('rateLimits', 'postsPerMinute')} label={tr('rate', 'postsPerMinute')} min={1} max={1000} />
            <NumberField path={M('rateLimits', 'postsPerHour')} label={tr('rate', 'postsPerHour')} min={1} max={100000} />
          </div>
          <div class="row">
            <CheckField path={M('bots', 'honeypot')} label={t('botsHoneypot')} />
            <CheckField path={M('bots', 'altcha')} label={t('botsAltcha')} />
            <SelectField path={M('bots', 'altchaFailure')} label={t('botsAltchaFailure')} options={RULE_ACTIONS.filter(([v]) => v !== 'allow')} />
          </div>
          <div class="row">
            <CheckField path={M('duplicates', 'enabled')} label={t('duplicates')} />
            <NumberField path={M('duplicates', 'similarity')} label={t('duplicatesSimilarity')} min={0.5} max={1} step={0.05} />
          </div>
          {(['sameAuthor', 'crossAuthor'] as const).map((rule) => (
            <div key={rule} class="row">
              <SelectField path={M('duplicates', rule, 'action')} label={tr('duplicates', rule)} options={RULE_ACTIONS} />
              <NumberField path={M('duplicates', rule, 'windowMinutes')} label={t('duplicatesWindowMinutes')} min={1} max={43200} />
              {rule === 'crossAuthor' && <NumberField path={M('duplicates', rule, 'minAuthors')} label={t('duplicatesMinAuthors')} min={2} max={1000} />}
            </div>
          ))}
        </section>

        <section class="panel" aria-labelledby="s-scorer">
          <h2 id="s-scorer">{t('sectionScorer')}</h2>
          <CheckField path={M('scorer', 'enabled')} label={t('scorerEnabled')} />
          <p class="hint">{t('thresholdHint')}</p>
          <ThresholdTable path={M('scorer', 'thresholds')} caption={t('scorerThresholds')} keys={keysAt(M('scorer', 'thresholds'))} />
        </section>

        <section class="panel" aria-labelledby="s-classifiers">
          <h2 id="s-classifiers">{t('sectionClassifiers')}</h2>
          <NumberField path={M('classifiers', 'timeoutMs')} label={t('classifierTimeout')} min={50} max={30000} step={50} />
          {(['perspective', 'akismet', 'http'] as const).map((name) => (
            <div key={name} class="classifier">
              <CheckField path={M('classifiers', name, 'enabled')} label={tr('classifier', name)} />
              <FailureField path={M('classifiers', name, 'failure')} label={t('classifierFailureOf', { name: tr('classifier', name) })} />
              {name === 'perspective' && (
                <LinesField path={M('classifiers', name, 'languages')} label={t('classifierLanguages')} hint={t('classifierLanguagesHint')} parse={linesToList} show={listToLines} rows={2} />
              )}
              {name === 'akismet' && (
                <SelectField path={M('classifiers', name, 'action')} label={t('akismetAction')} options={RULE_ACTIONS.filter(([v]) => v === 'pending' || v === 'spam')} />
              )}
              {name !== 'akismet' && keysAt(M('classifiers', name, 'thresholds')).length > 0 && (
                <ThresholdTable
                  path={M('classifiers', name, 'thresholds')}
                  caption={t('classifierThresholds', { name: tr('classifier', name) })}
                  keys={keysAt(M('classifiers', name, 'thresholds'))}
                />
              )}
              {name === 'http' && (
                <LabelAdder path={M('classifiers', name, 'thresholds')} label={t('httpLabel')} existing={keysAt(M('classifiers', name, 'thresholds'))} />
              )}
            </div>
          ))}
          <p class="hint">{t('classifierKeysHint')}</p>
        </section>

        <div class="save-bar">
          <span class="muted">{dirty ? t('unsaved') : t('noChanges')}</span>
          <button type="button" class="secondary" disabled={!dirty || saving} onClick={() => { setDraft(doc.settings); setError(null); setGeneration((g) => g + 1); }}>
            {t('discard')}
          </button>
          <button type="submit" class="primary" disabled={!dirty || saving}>
            {saving ? t('saving') : t('save')}
          </button>
        </div>
      </form>
    </Form.Provider>
  );
}

/** Focuses the field an error names (or the closest parent that has a field). */
function focusError(field: string | undefined): boolean {
  if (!field) return false;
  const parts = field.replace(/^\//, '').replace(/[/[\]]+/g, '.').split('.').filter(Boolean);
  for (let n = parts.length; n > 1; n--) {
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(parts.slice(0, n).join('.'))}"]`);
    if (el) {
      // Centred, so the sticky save bar does not cover it.
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
      return true;
    }
  }
  return false;
}

