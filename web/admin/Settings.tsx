// Site settings (admins): premoderation, closing, depth, term lists with a live preview, links,
// rate limits, reports, the scorer's and classifiers' thresholds. Saves only what changed,
// with the version the server gave (409 when someone saved meanwhile).
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { useConsole } from './context.ts';
import { CheckField, Form, LinesField, NumberField, RadioField, SelectField, ThresholdTable, type FormContext } from './fields.tsx';
import { t, tr } from './i18n/t.ts';
import { PreviewBox } from './PreviewBox.tsx';
import { changedSettings, getPath, linesToList, listToLines, setPath, termsToText, textToTerms, type Path } from './settingsForm.ts';
import type { Json, JsonObject, SettingsDoc } from './types.ts';

const M = (...rest: string[]): Path => ['moderation', ...rest];

/** What a rule may do. The contract's link keys (overMax, shorteners) know no "spam"; the
 * server's own rule keys do. */
function ruleActions(path: Path): [string, string][] {
  const key = path[path.length - 1];
  const spam = key !== 'overMax' && key !== 'shorteners';
  return [
    ['pending', t('ruleHold')],
    ...(spam ? ([['spam', t('ruleSpam')]] as [string, string][]) : []),
    ['rejected', t('ruleReject')],
    ['allow', t('ruleAllow')],
  ];
}

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
  const has = (path: Path) => getPath(draft, path) !== undefined;
  /** The first of several places a setting may live (docs/ADMIN-API.md §9, or the server's own shape). */
  const one = (paths: Path[], render: (p: Path) => ComponentChildren): ComponentChildren => {
    const found = paths.find(has);
    return found ? render(found) : null;
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
            path={typeof getPath(draft, M('premoderation')) === 'object' ? M('premoderation', 'mode') : M('premoderation')}
            label={t('premoderation')}
            options={[
              ['none', t('premodNone'), t('premodNoneHint')],
              ['first', t('premodFirst'), t('premodFirstHint')],
              ['all', t('premodAll'), t('premodAllHint')],
            ]}
          />
          {has(M('premoderation', 'firstCount')) && (
            <NumberField path={M('premoderation', 'firstCount')} label={t('premodFirstCount')} hint={t('premodFirstCountHint')} min={1} />
          )}
          {has(M('reports', 'threshold')) && (
            <NumberField path={M('reports', 'threshold')} label={t('reportsThreshold')} hint={t('reportsThresholdHint')} min={1} />
          )}
        </section>

        <section class="panel" aria-labelledby="s-threads">
          <h2 id="s-threads">{t('sectionThreads')}</h2>
          {one([M('closed'), M('closing', 'siteClosed')], (p) => <CheckField path={p} label={t('siteClosed')} />)}
          {one([M('autoCloseDays'), M('closing', 'autoCloseDays')], (p) => <NumberField path={p} label={t('autoCloseDays')} hint={t('autoCloseHint')} nullable min={1} />)}
          <NumberField path={['maxDepth']} label={t('maxDepth')} hint={t('maxDepthHint')} min={1} max={10} />
          {has(['editWindowSeconds']) && <NumberField path={['editWindowSeconds']} label={t('editWindow')} min={0} />}
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
          {has(M('links', 'enabled')) && <CheckField path={M('links', 'enabled')} label={t('linksEnabled')} />}
          <div class="row">
            <NumberField path={M('links', 'max')} label={t('linksMax')} min={0} />
            {one([M('links', 'overMax'), M('links', 'tooMany')], (p) => <SelectField path={p} label={t('linksOverMax')} options={ruleActions(p)} />)}
            <SelectField path={M('links', 'shorteners')} label={t('linksShorteners')} options={ruleActions(M('links', 'shorteners'))} />
            {(['unlisted', 'denyAction', 'linkOnly', 'obfuscated'] as const).map((k) =>
              has(M('links', k)) ? <SelectField key={k} path={M('links', k)} label={tr('links', k)} options={ruleActions(M('links', k))} /> : null,
            )}
          </div>
          <div class="columns two">
            {one([M('links', 'allowDomains'), M('links', 'allow')], (p) => <LinesField path={p} label={t('linksAllow')} hint={t('domainsHint')} parse={linesToList} show={listToLines} rows={4} />)}
            {one([M('links', 'denyDomains'), M('links', 'deny')], (p) => <LinesField path={p} label={t('linksDeny')} hint={t('domainsHint')} parse={linesToList} show={listToLines} rows={4} />)}
            {has(M('links', 'shortenerDomains')) && (
              <LinesField path={M('links', 'shortenerDomains')} label={t('linksShortenerDomains')} hint={t('domainsHint')} parse={linesToList} show={listToLines} rows={4} />
            )}
          </div>
        </section>

        <section class="panel" aria-labelledby="s-limits">
          <h2 id="s-limits">{t('sectionLimits')}</h2>
          <div class="row">
            {keysAt(M('rateLimits')).map((k) => (
              <NumberField key={k} path={M('rateLimits', k)} label={tr('rate', k)} min={0} />
            ))}
          </div>
          {has(M('bots')) && (
            <div class="row">
              <CheckField path={M('bots', 'honeypot')} label={t('botsHoneypot')} />
              <CheckField path={M('bots', 'altcha')} label={t('botsAltcha')} />
              {has(M('bots', 'altchaFailure')) && (
                <SelectField path={M('bots', 'altchaFailure')} label={t('botsAltchaFailure')} options={[['pending', t('ruleHold')], ['spam', t('ruleSpam')], ['rejected', t('ruleReject')]]} />
              )}
            </div>
          )}
          {has(M('duplicates')) && (
            <div class="row">
              <CheckField path={M('duplicates', 'enabled')} label={t('duplicates')} />
              {has(M('duplicates', 'windowHours')) && <NumberField path={M('duplicates', 'windowHours')} label={t('duplicatesWindow')} min={1} />}
              {has(M('duplicates', 'similarity')) && (
                <NumberField path={M('duplicates', 'similarity')} label={t('duplicatesSimilarity')} min={0} max={1} step={0.05} />
              )}
              {has(M('duplicates', 'sameAuthor', 'action')) && (
                <SelectField path={M('duplicates', 'sameAuthor', 'action')} label={t('duplicatesSameAuthor')} options={ruleActions(['spam'])} />
              )}
              {has(M('duplicates', 'crossAuthor', 'action')) && (
                <SelectField path={M('duplicates', 'crossAuthor', 'action')} label={t('duplicatesCrossAuthor')} options={ruleActions(['spam'])} />
              )}
            </div>
          )}
        </section>

        <section class="panel" aria-labelledby="s-scorer">
          <h2 id="s-scorer">{t('sectionScorer')}</h2>
          <CheckField path={M('scorer', 'enabled')} label={t('scorerEnabled')} />
          <p class="hint">{t('thresholdHint')}</p>
          <ThresholdTable path={M('scorer', 'thresholds')} caption={t('scorerThresholds')} keys={keysAt(M('scorer', 'thresholds'))} />
        </section>

        <section class="panel" aria-labelledby="s-classifiers">
          <h2 id="s-classifiers">{t('sectionClassifiers')}</h2>
          <NumberField path={M('classifiers', 'timeoutMs')} label={t('classifierTimeout')} min={50} step={50} />
          {has(M('classifiers', 'failure')) && <FailureField path={M('classifiers', 'failure')} label={t('classifierFailure')} />}
          {(['perspective', 'akismet', 'http'] as const).map((name) =>
            has(M('classifiers', name)) ? (
              <div key={name} class="classifier">
                <CheckField path={M('classifiers', name, 'enabled')} label={tr('classifier', name)} />
                {has(M('classifiers', name, 'failure')) && (
                  <FailureField path={M('classifiers', name, 'failure')} label={t('classifierFailureOf', { name: tr('classifier', name) })} />
                )}
                {keysAt(M('classifiers', name, 'thresholds')).length > 0 && (
                  <ThresholdTable
                    path={M('classifiers', name, 'thresholds')}
                    caption={t('classifierThresholds', { name: tr('classifier', name) })}
                    keys={keysAt(M('classifiers', name, 'thresholds'))}
                  />
                )}
              </div>
            ) : null,
          )}
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

