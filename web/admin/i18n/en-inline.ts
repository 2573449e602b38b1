// Console strings of the Inline questions page; part of en.ts.

// Inline questions (Questions.tsx)
export const questionsTitle = 'Inline questions on {site}';
export const questionsIntro = 'Pick an article, select a passage in its text (mouse, or Tab to a paragraph and press Enter), ask readers a question about it. It shows beside the passage on the live page.';
export const questionsArticle = 'Article';
export const questionsArticleChoose = 'Choose an article…';
export const questionsUrl = 'Or its address';
export const questionsRead = 'Read the article';
export const questionsReading = 'Reading the article…';
export const questionsPreview = 'The article’s text (scripts and images are not loaded)';
export const questionsSelected = 'Passage';
export const questionsNone = 'Select a passage in the text above.';
export const questionsQuestion = 'Question';
export const questionsSave = 'Place the question';
export const questionsPlaced = 'Question placed.';
export const questionsOnPage = 'Questions on this page ({page})';
export const questionsEmpty = 'No questions on this page yet.';
export const questionsAnswers_one = '{count} answer';
export const questionsAnswers_other = '{count} answers';
export const questionsEdit = 'Edit';
export const questionsEditSave = 'Save';
export const questionsCancel = 'Cancel';
export const questionsDelete = 'Delete';
export const questionsDeleteConfirm = 'Delete the question “{question}”? Readers’ answers stay in the thread.';
export const questionsDeleted = 'Question deleted; its answers stay in the thread.';
export const questionsSaved = 'Question saved.';
export const questionsNeedText = 'Write the question.';
