// Every word of the notification e-mails and pages, in one catalogue. Another language is
// another file with the same keys (typed by Catalogue). {placeholders} are filled by fill().
export const en = {
  confirmSubject: 'Confirm e-mail notifications from {site}',
  confirmIntro: 'Someone, hopefully you, asked {site} to e-mail this address about:',
  confirmAction: 'Confirm notifications',
  confirmIgnore: 'If it was not you, ignore this e-mail: nothing will be sent without a click on the link. The link works for {hours} hours.',

  whatThread: 'new comments on “{title}”',
  whatReplies: 'replies to your comments',

  replySubject: '{name} replied to your comment on {site}',
  replyIntro: '{name} replied to your comment on “{title}”:',
  conversationSubject: 'New reply in your conversation on {site}',
  conversationIntro: '{name} replied in a conversation you took part in on “{title}”:',
  threadSubject: 'New comment on “{title}” at {site}',
  threadIntro: '{name} commented on “{title}”:',
  readAndReply: 'Read and reply',

  approvedSubject: 'Your comment on {site} is published',
  approvedIntro: 'Your comment on “{title}” was approved by the moderators and is now public:',
  viewComment: 'View your comment',

  digestSubject_one: '{count} new comment on {site}',
  digestSubject_other: '{count} new comments on {site}',
  digestIntro: 'What happened on {site} on {day}, in the discussions you follow:',
  digestItem: '{name} on “{title}”:',

  alertHeldSubject: 'Held for review on {site}: {name} on “{title}”',
  alertHeldIntro: 'A comment by {name} on “{title}” is waiting for review on {site}.',
  alertReportedSubject: 'Reported on {site}: {name} on “{title}”',
  alertReportedIntro: 'Readers reported a comment by {name} on “{title}” on {site}.',
  alertHeldHeading: 'Held: {name} on “{title}”',
  alertReportedHeading: 'Reported: {name} on “{title}”',
  alertWhy: 'Why:',
  alertOpenQueue: 'Open the queue',
  alertDigestSubject_one: '{count} comment needs a moderator on {site}',
  alertDigestSubject_other: '{count} comments need a moderator on {site}',
  alertDigestIntro: 'Held and reported comments on {site} ({period}):',
  alertFooter: 'You receive this because you turned on moderator alerts for {site}. Change them in the console: {url}',

  footerWhy: 'You receive this because you asked {site} for {what}.',
  footerWhyAll: 'You receive this because you left this address on {site}.',
  unsubscribeThis: 'Stop these e-mails',
  unsubscribeAll: 'Stop all e-mail from {site}',

  pageConfirmedTitle: 'Notifications confirmed',
  pageConfirmed: 'Thank you. {site} will e-mail you about {what}. Every e-mail has a link to stop them.',
  pageUnsubscribeTitle: 'Unsubscribe',
  pageUnsubscribeAsk: 'Stop e-mails from {site} about {what}?',
  pageUnsubscribeAllAsk: 'Stop all e-mail from {site} to this address?',
  pageUnsubscribeButton: 'Unsubscribe',
  pageUnsubscribedTitle: 'Unsubscribed',
  pageUnsubscribed: 'Done: {site} will not e-mail you about {what} any more.',
  pageUnsubscribedAll: 'Done: {site} will not e-mail this address any more, unless you subscribe and confirm again.',
  pageErrorTitle: 'This link does not work',

  whatAll: 'anything',
  whatGone: 'this subscription',
};

export type Catalogue = typeof en;
export type MessageKey = keyof Catalogue;
