// Server-rendered strings (no-JS thread). The widget has its own catalogue in web/widget/i18n.
export const strings = {
  comments: 'Comments',
  commentCount: { one: '{n} comment', other: '{n} comments' },
  moreReplies: { one: '{n} more reply', other: '{n} more replies' },
  deleted: 'This comment was deleted.',
  edited: '(edited)',
  score: 'Score',
  loadMore: 'Load more comments',
  sort: { newest: 'Newest', oldest: 'Oldest', votes: 'Most Voted' },
};

export function plural(forms: { one: string; other: string }, n: number): string {
  return (n === 1 ? forms.one : forms.other).replace('{n}', n.toLocaleString('en'));
}
