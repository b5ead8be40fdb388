/**
 * The editor script's pure text edits, as browser JavaScript: each takes the textarea's value and
 * selection and returns the range to replace, the new text and the selection afterwards. Kept as
 * source text (not compiled TypeScript) so the exact code the browser runs is what the unit tests
 * evaluate (test/unit/markdown-edits.test.ts).
 */
export const markdownEditsSource = String.raw`
var markdownEdits = (function () {
  // Wraps the selection in a marker (** or *); spaces selected at either end stay outside, and a
  // selection that is already wrapped is unwrapped.
  function wrapSelection(value, start, end, marker, placeholder) {
    var selected = value.slice(start, end);
    var lead = /^\s*/.exec(selected)[0];
    var rest = selected.slice(lead.length);
    var trail = /\s*$/.exec(rest)[0];
    var inner = rest.slice(0, rest.length - trail.length);
    var m = marker.length;
    if (inner.length > 2 * m && inner.slice(0, m) === marker && inner.slice(-m) === marker) {
      var bare = inner.slice(m, -m);
      return { start: start, end: end, text: lead + bare + trail, selStart: start + lead.length, selEnd: start + lead.length + bare.length };
    }
    if (!inner) inner = placeholder;
    var from = start + lead.length + m;
    return { start: start, end: end, text: lead + marker + inner + marker + trail, selStart: from, selEnd: from + inner.length };
  }

  var PREFIXES = {
    heading: { pattern: /^#{1,6}\s+/, prefix: function () { return '## '; } },
    bullets: { pattern: /^[-*+]\s+/, prefix: function () { return '- '; } },
    numbers: { pattern: /^\d{1,9}[.)]\s+/, prefix: function (n) { return n + '. '; } },
    quote: { pattern: /^>\s?/, prefix: function () { return '> '; } },
  };

  // Prefixes every non-empty line the selection touches (## , - , 1. , > ); when every such line
  // already has that prefix, removes it instead.
  function prefixLines(value, start, end, kind) {
    var rule = PREFIXES[kind];
    if (end > start && value.charAt(end - 1) === '\n') end -= 1;
    var lineStart = value.lastIndexOf('\n', start - 1) + 1;
    var lineEnd = value.indexOf('\n', end);
    if (lineEnd === -1) lineEnd = value.length;
    var lines = value.slice(lineStart, lineEnd).split('\n');
    var filled = lines.filter(function (l) { return l.trim() !== ''; });
    var remove = filled.length > 0 && filled.every(function (l) { return rule.pattern.test(l); });
    var n = 0;
    var text = lines
      .map(function (line) {
        if (line.trim() === '') return line;
        var bare = line.replace(rule.pattern, '');
        if (remove) return bare;
        n += 1;
        return rule.prefix(n) + bare;
      })
      .join('\n');
    if (lines.length === 1 && lines[0] === '' && !remove) text = rule.prefix(1);
    return { start: lineStart, end: lineEnd, text: text, selStart: lineStart + text.length, selEnd: lineStart + text.length };
  }

  // Makes the selection a link: [text](https://) with the address selected for typing, or, when
  // an address is selected, [link text](address) with the text selected.
  function link(value, start, end) {
    var selected = value.slice(start, end).trim();
    if (/^(https?:\/\/|mailto:)\S+$/.test(selected)) {
      return { start: start, end: end, text: '[link text](' + selected + ')', selStart: start + 1, selEnd: start + 10 };
    }
    var label = selected.replace(/[\[\]]/g, '') || 'link text';
    var text = '[' + label + '](https://)';
    var at = start + label.length + 3;
    return { start: start, end: end, text: text, selStart: at, selEnd: at + 8 };
  }

  // The Markdown turndown produced, tidied: no-break spaces become spaces, no trailing spaces
  // (except a hard break's two), at most one blank line in a row, no blank lines at either end.
  function tidyMarkdown(markdown) {
    return markdown
      .replace(/\u00a0/g, ' ')
      .replace(/[ \t]+$/gm, function (spaces) { return spaces === '  ' ? spaces : ''; })
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\s*\n/, '')
      .replace(/\s+$/, '');
  }

  // One table row as a Markdown pipe row.
  function tableRow(cells) {
    return '| ' + cells.map(function (c) { return c.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|'); }).join(' | ') + ' |';
  }

  // A table (rows of cell texts) as a Markdown pipe table. A pipe table must have a header row: the
  // first row is it when hasHeader says the source table had one, otherwise an empty header row is
  // written and every row stays a data row (no header is invented).
  function pipeTable(rows, hasHeader) {
    var width = rows.reduce(function (w, r) { return Math.max(w, r.length); }, 0);
    if (width === 0) return '';
    var padded = rows.map(function (r) { var copy = r.slice(); while (copy.length < width) copy.push(''); return copy; });
    var rule = [];
    var empty = [];
    for (var i = 0; i < width; i++) {
      rule.push('---');
      empty.push('');
    }
    var head = hasHeader ? padded[0] : empty;
    var body = hasHeader ? padded.slice(1) : padded;
    return [tableRow(head), '| ' + rule.join(' | ') + ' |'].concat(body.map(tableRow)).join('\n');
  }

  return { wrapSelection: wrapSelection, prefixLines: prefixLines, link: link, tidyMarkdown: tidyMarkdown, pipeTable: pipeTable };
})();
`;
