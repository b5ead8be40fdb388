/**
 * Text as it enters Pressroom. Text pasted from Word or HWP often carries C0 control characters
 * (U+0008 backspace, U+000B vertical tab, U+000C form feed) that are illegal in XML 1.0: one of them
 * in a title makes every feed carrying the release unreadable. Every writer (admin form, JSON API,
 * importers, import-json) normalises through `normaliseText`, and XML writers strip what is left
 * with `stripXmlIllegal` anyway (#13).
 */

/** C0 controls except tab and line feed (CR is turned into LF first), and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
/** Noncharacters XML 1.0 refuses even when well-formed UTF-16. */
const NONCHARACTERS = /[\uFFFE\uFFFF]/g;
/** A high surrogate without its low half, or a low one without its high half. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Everything outside XML 1.0's Char production (lone surrogates included: `u` flag off). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\uD800-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Normalises text at the edge: line breaks to LF, C0 controls (except tab and newline) and DEL
 * removed, lone surrogates replaced by U+FFFD, noncharacters U+FFFE/U+FFFF removed, then NFC (so
 * Hangul typed as jamo and as syllables compares and searches alike).
 */
export function normaliseText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(NONCHARACTERS, '').normalize('NFC');
}

/** Removes every character XML 1.0 does not allow (controls, lone surrogates, U+FFFE, U+FFFF). */
export function stripXmlIllegal(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}
