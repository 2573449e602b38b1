// Inline questions: pick an article of the site, read its text (article.ts: parsed inertly,
// shown as text), select a passage with the mouse or choose a paragraph with the keyboard,
// ask a question about it; list, edit and delete the page's questions.
import { useCallback, useEffect, useState } from 'preact/hooks';
import { anchorOf, parseArticle, previewOffset, type Article } from './article.ts';
import { ConfirmButton } from './ConfirmButton.tsx';
import { useConsole } from './context.ts';
import { t } from './i18n/t.ts';
import type { ArticleEntry, InlineQuestion } from './types.ts';

type Anchor = NonNullable<ReturnType<typeof anchorOf>>;

export function Questions() {
  const { api, site, toast } = useConsole();
  const [articles, setArticles] = useState<ArticleEntry[]>([]);
  const [url, setUrl] = useState('');
  const [article, setArticle] = useState<(Article & { url: string }) | null>(null);
  const [status, setStatus] = useState<'idle' | 'reading' | 'error'>('idle');
  const [error, setError] = useState('');

  useEffect(() => {
    api.articles(site.id).then((r) => setArticles(r.articles), () => setArticles([]));
  }, [api, site.id]);

  const read = async (e: Event) => {
    e.preventDefault();
    setStatus('reading');
    try {
      const [{ url: read, html }, settings] = await Promise.all([api.article(site.id, url.trim()), api.settings(site.id)]);
      const root = (settings.settings.inline as { root?: string | null } | undefined)?.root ?? null;
      setArticle({ ...parseArticle(html, read, root), url: read });
      setStatus('idle');
    } catch (err) {
      setError(err instanceof Error ? err.message : t('errorGeneric'));
      setStatus('error');
    }
  };

  return (
    <section class="questions" aria-labelledby="questions-title">
      <h1 id="questions-title">{t('questionsTitle', { site: site.name })}</h1>
      <p class="muted">{t('questionsIntro')}</p>
      <form class="form row" onSubmit={read}>
        <label class="field">
          <span>{t('questionsArticle')}</span>
          <select value={articles.some((a) => a.url === url) ? url : ''} onChange={(e) => setUrl((e.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('questionsArticleChoose')}</option>
            {articles.map((a) => (
              <option key={a.page} value={a.url}>
                {a.title ?? a.page}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('questionsUrl')}</span>
          <input type="url" value={url} required onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} aria-describedby={status === 'error' ? 'questions-error' : undefined} />
        </label>
        <button type="submit" disabled={!url.trim() || status === 'reading'}>
          {t('questionsRead')}
        </button>
      </form>
      {status === 'reading' && <p class="status">{t('questionsReading')}</p>}
      {status === 'error' && (
        <p class="status error" role="alert" id="questions-error">
          {error}
        </p>
      )}
      {article && <Placing article={article} />}
    </section>
  );
}

function Placing({ article }: { article: Article & { url: string } }) {
  const { api, site, toast } = useConsole();
  const [chosen, setChosen] = useState<Anchor | null>(null);
  const [question, setQuestion] = useState('');
  const [formError, setFormError] = useState('');
  const [list, setList] = useState<InlineQuestion[]>([]);

  const load = useCallback(() => {
    api.questions(site.id, article.page).then((r) => setList(r.questions), () => setList([]));
  }, [api, site.id, article.page]);
  useEffect(load, [load]);

  // Mouse (or caret-browsing) selections inside the preview become the passage.
  const onSelect = () => {
    const sel = getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return;
    const range = sel.getRangeAt(0);
    const start = previewOffset(range.startContainer, range.startOffset);
    const end = previewOffset(range.endContainer, range.endOffset);
    if (start !== null && end !== null) setChosen(anchorOf(article, start, end));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!chosen) return setFormError(t('questionsNone'));
    if (!question.trim()) return setFormError(t('questionsNeedText'));
    try {
      const { question: placed } = await api.placeQuestion({ site: site.id, page: article.page, url: article.url, question: question.trim(), anchor: chosen });
      setList((l) => [placed, ...l]);
      setQuestion('');
      setChosen(null);
      setFormError('');
      toast({ message: t('questionsPlaced') });
    } catch (err) {
      setFormError(err instanceof Error ? err.message : t('errorGeneric'));
    }
  };

  return (
    <>
      <div class="article-preview" role="region" aria-label={t('questionsPreview')} onMouseUp={onSelect} onKeyUp={onSelect}>
        {article.blocks.map((b) => (
          <p
            key={b.start}
            data-start={b.start}
            tabIndex={0}
            aria-current={chosen && chosen.position.start === b.start && chosen.position.end === b.end ? 'true' : undefined}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                setChosen(anchorOf(article, b.start, b.end));
              }
            }}
          >
            {article.text.slice(b.start, b.end)}
          </p>
        ))}
      </div>
      <form class="form place-question" onSubmit={save} noValidate>
        <p>
          <strong>{t('questionsSelected')}: </strong>
          {chosen ? <q class="chosen">{chosen.quote.exact}</q> : <span class="muted">{t('questionsNone')}</span>}
        </p>
        <label class="field">
          <span>{t('questionsQuestion')}</span>
          <input value={question} maxLength={300} onInput={(e) => setQuestion((e.currentTarget as HTMLInputElement).value)} aria-invalid={!!formError} aria-describedby={formError ? 'place-error' : undefined} />
        </label>
        {formError && (
          <p class="field-error" id="place-error" role="alert">
            {formError}
          </p>
        )}
        <button type="submit">{t('questionsSave')}</button>
      </form>
      <h2>{t('questionsOnPage', { page: article.page })}</h2>
      {list.length ? (
        <ul class="question-list wide">
          {list.map((q) => (
            <QuestionItem key={q.id} question={q} onChanged={(next) => setList((l) => (next ? l.map((x) => (x.id === q.id ? next : x)) : l.filter((x) => x.id !== q.id)))} />
          ))}
        </ul>
      ) : (
        <p class="status">{t('questionsEmpty')}</p>
      )}
    </>
  );
}

function QuestionItem({ question, onChanged }: { question: InlineQuestion; onChanged: (next: InlineQuestion | null) => void }) {
  const { api, toast } = useConsole();
  const [editing, setEditing] = useState<string | null>(null);
  const fail = (err: unknown) => toast({ kind: 'error', message: err instanceof Error ? err.message : t('errorGeneric') });
  const save = async (e: Event) => {
    e.preventDefault();
    try {
      onChanged((await api.editQuestion(question.id, editing ?? '')).question);
      setEditing(null);
      toast({ message: t('questionsSaved') });
    } catch (err) {
      fail(err);
    }
  };
  const remove = async () => {
    try {
      await api.removeQuestion(question.id);
      onChanged(null);
      toast({ message: t('questionsDeleted') });
    } catch (err) {
      fail(err);
    }
  };
  return (
    <li class="question-item">
      {editing === null ? (
        <p>
          <strong>{question.question}</strong> <span class="muted small">· {t('questionsAnswers', { count: question.answers })}</span>
        </p>
      ) : (
        <form class="row" onSubmit={save}>
          <input aria-label={t('questionsQuestion')} value={editing} maxLength={300} onInput={(e) => setEditing((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit">{t('questionsEditSave')}</button>
          <button type="button" class="secondary" onClick={() => setEditing(null)}>
            {t('questionsCancel')}
          </button>
        </form>
      )}
      <blockquote class="muted">{question.anchor.quote.exact}</blockquote>
      {editing === null && (
        <>
          <button type="button" class="act" onClick={() => setEditing(question.question)}>
            {t('questionsEdit')}
          </button>
          <ConfirmButton label={t('questionsDelete')} question={t('questionsDeleteConfirm', { question: question.question })} onConfirm={() => void remove()} />
        </>
      )}
    </li>
  );
}
