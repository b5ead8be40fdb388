/** One email as handed to the mail server; the sender's address is the adapter's setting. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers such as List-Unsubscribe and List-Unsubscribe-Post. */
  headers: Record<string, string>;
  /** "<...@host>": fixed when the email is written to the outbox, so a retry keeps it. */
  messageId: string;
}

/**
 * What the mail server said. `temporary`: try again later (a 4xx reply, a timeout, a refused
 * connection); `permanent`: it will never be accepted (a 5xx reply, such as an unknown mailbox).
 */
export type SendOutcome = { status: 'sent'; response: string } | { status: 'temporary' | 'permanent'; error: string };

/** Sends email; adapters never throw for a refused message, they report it as an outcome. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<SendOutcome>;
  close(): Promise<void>;
}
