// Console strings of the notification pages (My alerts, Webhooks, the outbox, the dev mailbox); part of en.ts.

// My alerts
export const alertsTitle = 'My alerts on {site}';
export const alertsHint = 'E-mail to {email} when there is work here for moderators.';
export const alertsWhat = 'E-mail me about';
export const alertsPending = 'comments held for review';
export const alertsReports = 'new reader reports';
export const alertsWhen = 'When';
export const alertMode_immediate = 'at once, one e-mail each';
export const alertMode_hourly = 'in an hourly digest';
export const alertMode_daily = 'in a daily digest';
export const alertsSave = 'Save alerts';
export const alertsSaved = 'Alerts saved.';

// Webhooks and the outbox
export const webhooksTitle = 'Webhooks of {site}';
export const webhooksHint = 'Each endpoint receives a signed POST (Colloquy-Signature) for the events it chose. https only (http to localhost in development).';
export const webhooksEmpty = 'No endpoints yet.';
export const webhookNew = 'Add an endpoint';
export const webhookUrl = 'URL';
export const webhookEvents = 'Events';
export const webhookAdd = 'Add endpoint';
export const webhookSave = 'Save changes';
export const webhookEdit = 'Edit';
export const webhookCancel = 'Cancel';
export const webhookActive = 'active';
export const webhookInactive = 'switched off';
export const webhookDisable = 'Switch off';
export const webhookEnable = 'Switch on';
export const webhookRotate = 'Rotate secret';
export const webhookRemove = 'Remove';
export const webhookRemoveConfirm = 'Remove the endpoint {url}? Deliveries still queued for it are dropped.';
export const webhookTest = 'Send test event';
export const webhookTestQueued = 'Test event queued.';
export const webhookShowDeliveries = 'Deliveries';
export const webhookSecretTitle = 'Signing secret';
export const webhookSecretHint = 'Copy it to the receiver now: it is not shown again.';
export const webhookNeedEvents = 'Choose at least one event.';
export const deliveriesTitle = 'Deliveries to {url}';
export const deliveriesEmpty = 'Nothing delivered yet.';
export const deliveryEvent = 'Event';
export const deliveryState = 'State';
export const deliveryAttempts = 'Attempts';
export const deliveryCode = 'Response';
export const deliveryError = 'Last error';
export const deliveryNext = 'Next retry';
export const deliveryWhen = 'Queued';
export const deliveryState_pending = 'pending';
export const deliveryState_delivered = 'delivered';
export const deliveryState_failed = 'failed';
export const deliveryState_sent = 'sent';
export const outboxTitle = 'Outbox (every site)';
export const outboxCounts = '{pending} waiting · {failed} failed';
export const outboxFailed = 'Failed';
export const outboxPending = 'Waiting';
export const outboxNone = 'None.';
export const outboxRetry = 'Retry';
export const outboxRetried = 'Queued again.';

// Mailbox
export const mailboxTitle = 'Mailbox (development)';
export const mailboxHint = 'E-mails the server would have sent. Only in development.';
export const mailboxEmpty = 'No messages.';
export const mailboxNoSubject = '(no subject)';
export const mailboxTo = 'To';
export const mailboxFrom = 'from';
export const mailboxUnavailable = 'The development mailbox is not available on this server.';
