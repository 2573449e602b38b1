// Tables of the inline feedback module (011-inline-questions).

/** An editor's question placed through the console on a passage of a page. */
export interface InlineQuestionsTable {
  id: string;
  site_id: string;
  page_key: string;
  /** The article's address the console read the passage from. */
  url: string;
  /** Unique: answers are comments whose anchor names it (passage key `f:<feedback_id>`). */
  feedback_id: string;
  question: string;
  /** The passage: { quote, position, textHash } as JSON (src/inline/validate.ts StoredAnchor). */
  anchor: string;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface InlineTables {
  inline_questions: InlineQuestionsTable;
}
