import { domainToASCII, domainToUnicode } from 'node:url';
import { SUBSCRIPTION_LIMITS } from '../../domain/subscription.js';

export type AddressCheck = { ok: true; address: string } | { ok: false; reason: 'empty' | 'too_long' | 'malformed' | 'local_part_not_ascii' | 'bad_domain' };

// The ASCII local part RFC 5321 allows without quoting (dot-atom): no leading, trailing or double dot.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const ASCII_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks an email address and returns it in the one form we store and send to: the local part as
 * typed, the domain lower-cased in ASCII (an internationalised domain such as 국방부.한국 becomes its
 * punycode xn--... form, which every SMTP server accepts). Local parts outside ASCII need SMTPUTF8,
 * which many servers refuse, so they are declined with their own reason.
 */
export function normalizeEmailAddress(input: string): AddressCheck {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty' };
  if (text.length > SUBSCRIPTION_LIMITS.emailMaxChars) return { ok: false, reason: 'too_long' };
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return { ok: false, reason: 'malformed' };
  const local = text.slice(0, at);
  const domain = text.slice(at + 1);
  if (local.length > 64) return { ok: false, reason: 'too_long' };
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(local)) return { ok: false, reason: 'local_part_not_ascii' };
  if (!LOCAL_PART.test(local)) return { ok: false, reason: 'malformed' };
  if (/[\s@/\\<>()[\]:;,"]/.test(domain) || domain.endsWith('.')) return { ok: false, reason: 'bad_domain' };
  const ascii = domainToASCII(domain.toLowerCase());
  const labels = ascii.split('.');
  if (ascii === '' || labels.length < 2 || !labels.every((l) => ASCII_LABEL.test(l)) || /^\d+$/.test(labels.at(-1)!)) return { ok: false, reason: 'bad_domain' };
  return { ok: true, address: `${local}@${ascii}` };
}

/** An address as people read it: a punycode domain shown in its own script again. */
export function displayEmailAddress(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? address : `${address.slice(0, at)}@${domainToUnicode(address.slice(at + 1)) || address.slice(at + 1)}`;
}
