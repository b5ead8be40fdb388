/** Longest `next` target followed; anything longer goes to the default. */
const MAX_TARGET_CHARS = 2000;

// Controls (C0, DEL, C1), format characters (bidi overrides, zero-width), lone surrogates, every
// kind of space or line break, and backslashes. Browsers strip tabs and newlines from URLs and read
// `\` as `/`, so "/\t/evil.example" or "/\\evil.example" would leave the site.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Cs}\p{Z}\s\\]/u;

/** The target and each percent-decoding of it until it stops changing; null when malformed or still encoded after three rounds. */
function decodings(raw: string): string[] | null {
  const forms = [raw];
  for (let round = 0; round < 3; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(forms[forms.length - 1]!);
    } catch {
      return null;
    }
    if (decoded === forms[forms.length - 1]) return forms;
    forms.push(decoded);
  }
  return null;
}

/**
 * The one rule for every redirect target taken from a request (language switch, sign-in, second
 * factor): a path on this site, nothing else. One leading slash, no `//` in the path, no backslash,
 * no control, format or whitespace character, in the text or in any percent-decoding of it.
 * Returns the target ready for a Location header (characters outside ASCII percent-encoded, so a
 * Korean path cannot fail the header check), or null: the caller then goes to its safe default.
 */
export function safeRedirectPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_TARGET_CHARS || !raw.startsWith('/')) return null;
  const forms = decodings(raw);
  if (!forms) return null;
  for (const form of forms) {
    if (UNSAFE.test(form)) return null;
    if (/^[^?#]*\/\//.test(form)) return null;
  }
  const encoded = raw.replace(/[^\x21-\x7e]+/g, (text) => encodeURIComponent(text));
  // The browser's own reading of the result must stay on this origin.
  return new URL(encoded, 'http://same.invalid').origin === 'http://same.invalid' ? encoded : null;
}

/** Where to redirect: the requested target when it is safe (see safeRedirectPath), otherwise `fallback`. */
export function redirectTarget(raw: unknown, fallback: string): string {
  return safeRedirectPath(raw) ?? fallback;
}
