// The one catalogue of user-visible text: a flat module of keys → strings with {placeholders}
// (used as an object via `import * as en`). One export per key lets small bundles such as
// count.js keep only the strings they use. Plural forms use the suffixes _one / _other
// (Intl.PluralRules categories); t() picks one from the `count` parameter. Another language
// is another file with the same exports.
export const locale = 'en';

export const comments_one = '{count} comment';
export const comments_other = '{count} comments';
export const threadLabel = 'Comments';
export const repliesLabel = 'Replies to {name}';
export const sortLabel = 'Sort comments';
export const sortNewest = 'Newest';
export const sortOldest = 'Oldest';
export const sortVotes = 'Most Voted';
export const loading = 'Loading comments…';
export const loadMore = 'Load more comments';
export const loadFailed = 'Comments could not be loaded.';
export const retry = 'Try again';
export const empty = 'No comments yet. Start the conversation!';
export const closed = 'Comments are closed for this page.';
export const newComments_one = 'Show {count} new comment';
export const newComments_other = 'Show {count} new comments';
export const moreReplies_one = 'Show {count} more reply';
export const moreReplies_other = 'Show {count} more replies';

export const prompt = 'Would love your thoughts, please comment.';
export const promptDismiss = 'Dismiss';

export const composerLabel = 'Your comment';
export const replyLabel = 'Your reply to {name}';
export const editLabel = 'Edit your comment';
export const placeholder = 'Join the discussion…';
export const nameLabel = 'Name';
export const emailLabel = 'E-mail';
export const emailHint = 'optional, never shown';
export const markdownHint = 'Markdown: **bold**, *italic*, [link](https://…), > quote, `code`, - list';
export const shortcutHint = '{key}+Enter posts';
export const keyCtrl = 'Ctrl';
export const keyCmd = '⌘';
export const submit = 'Post comment';
export const submitReply = 'Post reply';
export const posting = 'Posting…';
export const save = 'Save';
export const saving = 'Saving…';
export const cancel = 'Cancel';
export const nameRequired = 'Please enter your name.';
export const bodyRequired = 'Please write something first.';

export const posted = 'Your comment was posted.';
export const postedPending = 'Your comment was received and is awaiting moderation.';
export const postedRejected = 'Your comment was not published.';
export const updated = 'Your comment was updated.';
export const removed = 'Your comment was deleted.';
export const arrived_one = '{count} new comment';
export const arrived_other = '{count} new comments';

export const reply = 'Reply';
export const edit = 'Edit';
export const remove = 'Delete';
export const deleteConfirm = 'Delete this comment?';
export const deleteYes = 'Yes, delete';
export const deleteNo = 'Keep it';
export const edited = '(edited)';
export const editedAt = 'Edited {date}';
export const pending = 'Awaiting moderation';
export const deleted = 'This comment was deleted.';
export const replyTo = '↪ @{name}';
export const replyToLabel = 'In reply to {name}';
export const voteUp = 'Vote up';
export const voteDown = 'Vote down';
export const score = 'Score {score}';
export const justNow = 'just now';

export const notifyLabel = 'Notify of';
export const notifyNone = 'nothing';
export const notifyThread = 'new follow-up comments';
export const notifyReplies = 'new replies to my comments';
export const notifyBoth = 'both';
export const notifySubmit = 'Notify me';
export const notifyNeedsEmail = 'Enter your e-mail to be notified.';
export const notifyCheckInbox = 'Check your inbox: confirm your address to start the e-mails.';
export const notifyDone = 'Done: you will be notified by e-mail.';

export const errorNetwork = 'Could not reach the comment server. Please try again.';
export const editExpired = 'The time to change this comment has passed.';
export const errorGeneric = 'Something went wrong. Please try again.';

export const signIn = 'Sign in with e-mail';
export const signInLabel = 'Your e-mail: we send you a sign-in link';
export const sendLink = 'Send link';
export const linkSent = 'Check your inbox: the link signs you in here.';
export const signedInAs = 'Signed in as {name}.';
export const signOut = 'Sign out';

// The signed-in reader's profile (web/widget/profile/, loaded when opened).
export const myProfile = 'My profile';
export const loadingProfile = 'Loading your profile…';
export const backToComments = 'Back to comments';
export const displayName = 'Display name';
export const pictureLabel = 'Picture';
export const pictureIdenticon = 'A generated pattern';
export const pictureGravatar = 'My Gravatar (Gravatar sees a hash of my e-mail)';
export const pictureFromSite = 'Your picture comes from the site you signed in with.';
export const profileSaved = 'Your profile was saved.';
export const myComments = 'My comments';
export const myCommentsEmpty = 'You have not commented here yet.';
export const commentOn = 'On {title}';
export const notPublished = 'Not published';
export const showMore = 'Show more';
export const mySubscriptions = 'E-mail notifications';
export const subscriptionsEmpty = 'You get no e-mail notifications from this site.';
export const subscribedThread = 'New comments on {title}';
export const subscribedReplies = 'Replies to my comments, in any thread';
export const dailyDigest = 'daily digest';
export const awaitingConfirmation = 'awaiting confirmation';
export const unsubscribe = 'Unsubscribe';
export const unsubscribed = 'Unsubscribed: {what}';
export const myData = 'My data';
export const downloadData = 'Download my data';
export const deleteAccount = 'Delete my account';
export const deleteAccountAsk = 'Delete your account? This cannot be undone: you are signed out everywhere, your e-mail notifications stop, and your comments stay as “deleted user” or are removed, as this site decides.';
export const deleteAccountYes = 'Yes, delete my account';
export const accountDeleted = 'Your account was deleted.';

// Inline feedback (web/inline/): the thread's passage views and the host-page popup.
export const inlineTab = 'Inline Feedbacks';
export const allTab = 'View all comments';
export const viewsLabel = 'Which comments';
export const inlineEmpty = 'No comments on passages of the article yet.';
export const passageQuote = 'About this passage';
export const passageShow = 'Show in the article';
export const passageChanged = 'Refers to text that has changed';
export const commentOnThis = 'Comment on this';
export const choosePassage = 'Comment on a passage';
export const passageKeys = 'Choosing a passage: Up and Down arrows move by sentence, Shift with them extends, Enter comments, Escape stops.';
export const passageTitle = 'Comment on this passage';
export const passageComments = 'Latest comments on this passage';
export const passageAll_one = 'View the comment in the thread';
export const passageAll_other = 'View all {count} comments';
export const passageMarker_one = '{count} comment on this passage';
export const passageMarker_other = '{count} comments on this passage';
export const questionMarker_one = '{question} ({count} answer)';
export const questionMarker_other = '{question} ({count} answers)';
export const close = 'Close';
