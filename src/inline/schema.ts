// Schemas of passage anchors: the `anchor` of POST /api/v1/comments and of comments in reads,
// and the passages routes. Lengths here stop abuse early; validate.ts checks them again
// after normalisation, in UTF-16 code units (the unit of anchor offsets).
import { Type } from 'typebox';

export const anchorLimits = {
  exact: 2000,
  context: 200,
  position: 50_000_000,
  passages: 500,
} as const;

export const Quote = Type.Object(
  {
    exact: Type.String({ minLength: 1, maxLength: anchorLimits.exact * 2, description: 'The passage as quoted (normalised article text)' }),
    prefix: Type.String({ maxLength: anchorLimits.context * 2, description: 'Text just before it' }),
    suffix: Type.String({ maxLength: anchorLimits.context * 2, description: 'Text just after it' }),
  },
  { description: 'W3C Web Annotation TextQuoteSelector' },
);

export const Position = Type.Object(
  {
    start: Type.Integer({ minimum: 0, maximum: anchorLimits.position }),
    end: Type.Integer({ minimum: 1, maximum: anchorLimits.position }),
  },
  { description: 'W3C Web Annotation TextPositionSelector: UTF-16 code units of the normalised article text' },
);

const FeedbackId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_:.-]+$', description: 'The editor-placed question (data-colloquy-feedback) the comment answers' });
export const TextHash = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$', description: 'Hash of the article text the offsets refer to' });

export const AnchorInput = Type.Object(
  { quote: Quote, position: Position, feedbackId: Type.Optional(FeedbackId), textHash: Type.Optional(TextHash) },
  { description: 'The passage of the article a top-level comment is about' },
);

export const AnchorView = Type.Object({
  key: Type.String({ description: 'The passage: its feedbackId, or a hash of its quote and context' }),
  quote: Quote,
  position: Position,
  feedbackId: Type.Optional(Type.String()),
  textHash: Type.Optional(Type.String()),
});

export const SiteId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001F\\u007F]+$' });
export const PageKey = Type.String({ minLength: 1, maxLength: 500 });
const PassageKey = Type.String({ minLength: 3, maxLength: 140, pattern: '^[fq]:[A-Za-z0-9_:.-]+$' });

export const PassagesQuery = Type.Object({ site: SiteId, page: PageKey });

export const PassageCommentsQuery = Type.Object({
  site: SiteId,
  page: PageKey,
  passage: Type.Optional(PassageKey),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  cursor: Type.Optional(Type.String({ minLength: 16, maxLength: 16, pattern: '^[0-9A-Z]{16}$', description: 'nextCursor of the previous page' })),
});

// The console's questions (src/inline/admin-routes.ts).
const QuestionId = Type.String({ minLength: 16, maxLength: 16, pattern: '^[0-9A-Z]{16}$' });
const ArticleUrl = Type.String({ minLength: 1, maxLength: 2000, description: "The article's address, on one of the site's origins" });
const QuestionText = Type.String({ minLength: 1, maxLength: 600, description: 'The question readers see beside the passage' });

export const QuestionAnchor = Type.Object(
  { quote: Quote, position: Position, textHash: Type.Optional(TextHash) },
  { description: 'The passage, over the article text the widget reads (web/inline/text.ts)' },
);

export const QuestionsQuery = Type.Object({
  site: SiteId,
  page: Type.Optional(PageKey),
  cursor: Type.Optional(QuestionId),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const QuestionParams = Type.Object({ id: QuestionId });

export const QuestionBody = Type.Object({ site: SiteId, page: PageKey, url: ArticleUrl, question: QuestionText, anchor: QuestionAnchor });

export const QuestionPatchBody = Type.Object(
  { question: Type.Optional(QuestionText), url: Type.Optional(ArticleUrl), anchor: Type.Optional(QuestionAnchor) },
  { minProperties: 1 },
);

export const ArticleQuery = Type.Object({ site: SiteId, url: ArticleUrl });
export const ArticlesQuery = Type.Object({ site: SiteId });
