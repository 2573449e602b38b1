// Delivers one queued e-mail: over SMTP (nodemailer) when SMTP_URL is set, otherwise into a
// development mailbox kept in memory and logged, so a fresh install shows what it would send.
import { createTransport } from 'nodemailer';
import { headerSafe, safeHeaders } from './headers.ts';
import type { EmailPayload } from './outbox.ts';
import { PermanentError } from './worker.ts';

export interface Mailer {
  send(message: EmailPayload, signal?: AbortSignal): Promise<void>;
  close(): void;
}

export interface Sender {
  name: string;
  address: string;
}

/** MAIL_FROM as "Name <address>" or a bare address. */
export function parseFrom(value: string): Sender {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(value);
  if (match) return { name: headerSafe(match[1].replace(/^"|"$/g, '')), address: match[2] };
  return { name: '', address: value.trim() };
}

/** What goes to the transport: From carries the site's name when the message names one. */
function envelope(message: EmailPayload, from: Sender) {
  const name = headerSafe(message.fromName ?? from.name);
  return {
    from: name ? { name, address: from.address } : from.address,
    to: message.to,
    subject: headerSafe(message.subject),
    text: message.text,
    html: message.html,
    headers: safeHeaders(message.headers),
  };
}

/** A refusal for good (5xx) is not retried; timeouts, connection errors and 4xx are. */
function classify(error: unknown): Error {
  const code = (error as { responseCode?: number }).responseCode;
  const text = error instanceof Error ? error.message : String(error);
  if (typeof code === 'number' && code >= 500 && code < 600) return new PermanentError(text);
  return error instanceof Error ? error : new Error(text);
}

export function createSmtpMailer(url: string, from: Sender, options: { timeoutMs: number; connections: number }): Mailer {
  const transport = createTransport({
    url,
    pool: true,
    maxConnections: options.connections,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  });
  return {
    async send(message, signal) {
      try {
        await transport.sendMail({ ...envelope(message, from), signal });
      } catch (error) {
        throw classify(error);
      }
    },
    close: () => transport.close(),
  };
}

export interface DevMessage {
  at: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface DevMailbox extends Mailer {
  /** Newest first. */
  messages(): DevMessage[];
}

const KEPT = 200;

export function createDevMailbox(from: Sender, log: { info(obj: object, msg: string): void }, now: () => number = Date.now): DevMailbox {
  const kept: DevMessage[] = [];
  return {
    async send(message) {
      const mail = envelope(message, from);
      const entry: DevMessage = {
        at: new Date(now()).toISOString(),
        from: typeof mail.from === 'string' ? mail.from : `${mail.from.name} <${mail.from.address}>`,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
      };
      kept.unshift(entry);
      kept.length = Math.min(kept.length, KEPT);
      log.info({ mail: { to: entry.to, subject: entry.subject, text: entry.text, headers: entry.headers } }, 'development mailbox (no SMTP_URL): e-mail kept, not sent');
    },
    close() {},
    messages: () => [...kept],
  };
}
