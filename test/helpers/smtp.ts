// A real SMTP server in the test process (smtp-server) that parses what arrives (mailparser).
// It can refuse the next messages (4xx or 5xx) and hold its reply to each message, to test
// retries and a sender killed mid-send. A message counts as delivered when its data has
// arrived, before the reply: what a real server may have committed when the sender dies.
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface Received {
  parsed: ParsedMail;
  /** Envelope recipients (RCPT TO). */
  rcpt: string[];
  subject: string;
  text: string;
  header(name: string): string | undefined;
  /** Every http(s) URL in the plain-text part, in order. */
  links: string[];
  /** When its data arrived, and when the server answered 250 (held replies answer later). */
  at: number;
  answeredAt?: number;
}

export interface SmtpSink {
  url: string;
  messages: Received[];
  /** Messages whose data arrived and whose reply is still held. */
  inFlight: Set<Received>;
  /** Refuse the next `count` messages with this reply code (451: try later; 550: never). */
  refuse(count: number, code?: number): void;
  /** Hold the reply to each message this long. */
  setDelay(ms: number): void;
  attempts: number;
  waitFor(predicate: (messages: Received[]) => boolean, timeoutMs?: number): Promise<Received[]>;
  /** The messages to one address. */
  to(address: string): Received[];
  close(): Promise<void>;
}

function headerText(parsed: ParsedMail, name: string): string | undefined {
  const line = parsed.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(':') + 1).trim() : undefined;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: Received[] = [];
  const inFlight = new Set<Received>();
  let refusals = 0;
  let refusalCode = 451;
  let delay = 0;
  let attempts = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      attempts++;
      simpleParser(stream)
        .then((parsed) => {
          if (refusals > 0) {
            refusals--;
            const error = Object.assign(new Error(refusalCode >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: refusalCode });
            return callback(error);
          }
          const received: Received = {
            parsed,
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            header: (name) => headerText(parsed, name),
            links: [...(parsed.text ?? '').matchAll(/https?:\/\/[^\s<>"]+/g)].map((m) => m[0]),
            at: Date.now(),
          };
          messages.push(received);
          const answer = () => {
            received.answeredAt = Date.now();
            inFlight.delete(received);
            callback();
          };
          if (!delay) return answer();
          inFlight.add(received);
          setTimeout(answer, delay);
        })
        .catch((error) => callback(error));
    },
  });
  server.on('error', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    inFlight,
    refuse(count, code = 451) {
      refusals = count;
      refusalCode = code;
    },
    setDelay(ms) {
      delay = ms;
    },
    get attempts() {
      return attempts;
    },
    async waitFor(predicate, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!predicate(messages)) {
        if (Date.now() > until) throw new Error(`timed out waiting for mail; got ${messages.length}: ${messages.map((m) => `${m.rcpt} "${m.subject}"`).join('; ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return messages;
    },
    to: (address) => messages.filter((m) => m.rcpt.includes(address)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
