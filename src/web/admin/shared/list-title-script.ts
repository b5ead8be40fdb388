import { createHash } from 'node:crypto';
import { LIMITS } from '../../../domain/limits.js';

/**
 * Progressive enhancement only: updates the "how the list title is cut" line as the title is typed.
 * The server computes the same line on every render, so nothing depends on this script.
 */
const source = `(() => {
  const input = document.getElementById('field-title');
  const line = document.getElementById('list-title-preview');
  if (!input || !line) return;
  const limit = ${LIMITS.listTitleChars};
  const seg = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  const chars = (s) => (seg ? Array.from(seg.segment(s), (x) => x.segment) : Array.from(s));
  const update = () => {
    const c = chars(input.value);
    // The words come from the server in the staff member's language (data-cut, data-full).
    var cut = line.getAttribute('data-cut') || 'In lists the title is cut to:';
    var full = line.getAttribute('data-full') || 'Shown in full in lists ({count} of {max} characters).';
    line.textContent = c.length > limit
      ? cut + ' "' + c.slice(0, limit).join('').trimEnd() + '..."'
      : full.split('{count}').join(String(c.length)).split('{max}').join(String(limit));
  };
  input.addEventListener('input', update);
})();
`;

export const listTitleScript = (() => {
  const body = Buffer.from(source, 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { body, href: `/assets/admin-list-title-${hash}.js`, etag: `"${hash}"` };
})();
