import nodemailer from 'nodemailer';
import type { Mailer, SendOutcome } from '../../ports/mailer.js';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 or smtps://...:465 (PRESSROOM_SMTP_URL). */
  url: string;
  /** The From address (PRESSROOM_MAIL_FROM), e.g. "Press Office <press@mnd.example>". */
  from: string;
  /** Milliseconds to connect, to get the greeting, and of silence mid-conversation; 10 s, 10 s, 30 s unless set. */
  timeouts?: { connectionMs?: number; greetingMs?: number; socketMs?: number };
  /** Connections kept open to the server (nodemailer's pool); 3 unless set. */
  maxConnections?: number;
}

/**
 * Sends email over SMTP with nodemailer (which encodes non-ASCII subjects as RFC 2047 words and
 * bodies as quoted-printable). Timeouts bound every phase, so a server that hangs costs one
 * temporary failure, never a stuck sender. A 5xx reply is permanent; 4xx, timeouts and refused
 * connections are temporary.
 */
export function makeSmtpMailer(options: SmtpMailerOptions): Mailer {
  const t = options.timeouts ?? {};
  const connectionMs = t.connectionMs ?? 10_000;
  const greetingMs = t.greetingMs ?? 10_000;
  const socketMs = t.socketMs ?? 30_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    connectionTimeout: connectionMs,
    greetingTimeout: greetingMs,
    socketTimeout: socketMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  // A last guard in case a phase is not covered by nodemailer's own timers.
  const deadlineMs = connectionMs + greetingMs + 2 * socketMs;
  return {
    async send(email): Promise<SendOutcome> {
      let timer: NodeJS.Timeout | undefined;
      try {
        const sending = transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text, html: email.html, headers: email.headers, messageId: email.messageId });
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(Object.assign(new Error(`No answer from the mail server within ${deadlineMs} ms`), { code: 'ETIMEDOUT' })), deadlineMs);
        });
        const info = (await Promise.race([sending, deadline])) as { response?: string };
        return { status: 'sent', response: String(info.response ?? '') };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
        const text = `${e.code ? `${e.code}: ` : ''}${e.response ?? e.message ?? String(error)}`.slice(0, 1000);
        return { status: typeof e.responseCode === 'number' && e.responseCode >= 500 ? 'permanent' : 'temporary', error: text };
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      transport.close();
    },
  };
}
