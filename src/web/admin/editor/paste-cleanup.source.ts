/**
 * The editor script's paste clean-up, as browser JavaScript: `htmlToMarkdown(html)` turns the HTML
 * that Word, HWP, Google Docs or a web page put on the clipboard into plain Markdown. Word's
 * mso-* styles, conditional comments, o:p and v:* elements, images, styles and scripts go; headings,
 * bold and italic (also when only a style says so), lists (also Word's mso-list paragraphs), links
 * with a web, mail or phone address, and tables (as pipe tables of their text) stay. Needs
 * `TurndownService` (turndown's browser build, loaded before) and `markdownEdits`.
 */
export const pasteCleanupSource = String.raw`
var htmlToMarkdown = (function () {
  var DROP = 'script,style,meta,link,title,head,img,picture,svg,video,audio,iframe,object,embed,canvas,noscript,template,xml,button,input,select,textarea';

  function unwrap(el) {
    var parent = el.parentNode;
    if (!parent) return;
    while (el.firstChild) parent.insertBefore(el.firstChild, el);
    parent.removeChild(el);
  }

  function wrapIn(el, tag) {
    var outer = el.ownerDocument.createElement(tag);
    while (el.firstChild) outer.appendChild(el.firstChild);
    el.appendChild(outer);
  }

  function styleOf(el) {
    return (el.getAttribute('data-pasted-style') || '').toLowerCase();
  }

  // Word's list definitions, from the clipboard's <style>: "@list l1:level1 {mso-level-number-format:
  // bullet; ...}". No number format means decimal; any format but bullet or none is numbered.
  function listFormats(html) {
    var formats = {};
    var rule = /@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi;
    var m;
    while ((m = rule.exec(html))) {
      var format = /mso-level-number-format:\s*([\w-]+)/i.exec(m[3]);
      formats[m[1].toLowerCase() + ':' + m[2]] = format ? format[1].toLowerCase() : 'decimal';
    }
    return formats;
  }

  // A list marker Word wrote as text: "1." "1)" "(1)" "a." "iv." "가." "①".
  var NUMBERED = /^\s*(?:(?:\d{1,4}|[a-z]|[ivxlcdm]{1,6}|[\u3131-\u314e\uac00-\ud7a3])[.)]|\(\d{1,4}\)|[\u2460-\u2473])/i;

  // The marker Word writes between <![if !supportLists]> and <![endif]> (older Word gives the span
  // no mso-list:Ignore style): moved to the paragraph's data-list-marker before comments go.
  function conditionalMarkers(doc) {
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
    var opens = [];
    while (walker.nextNode()) if (/^\s*\[if !supportLists\]\s*$/i.test(walker.currentNode.data)) opens.push(walker.currentNode);
    opens.forEach(function (open) {
      var p = open.parentNode && open.parentNode.closest ? open.parentNode.closest('p') : null;
      if (!p) return;
      var marker = '';
      var node = open.nextSibling;
      while (node && !(node.nodeType === 8 && /^\s*\[endif\]\s*$/i.test(node.data))) {
        var next = node.nextSibling;
        marker += node.textContent || '';
        node.parentNode.removeChild(node);
        node = next;
      }
      p.setAttribute('data-list-marker', (p.getAttribute('data-list-marker') || '') + marker);
    });
  }

  // Takes a number Word left in the item's text ("1. First point") off its first words.
  function stripTextMarker(item) {
    var texts = item.ownerDocument.createTreeWalker(item, NodeFilter.SHOW_TEXT);
    while (texts.nextNode()) {
      var text = texts.currentNode;
      if (!/\S/.test(text.data.replace(/\u00a0/g, ' '))) continue;
      var found = NUMBERED.exec(text.data.replace(/\u00a0/g, ' '));
      if (!found || !/^\s/.test(text.data.slice(found[0].length).replace(/\u00a0/g, ' ') || ' ')) return '';
      text.data = text.data.slice(found[0].length).replace(/^[\s\u00a0]+/, '');
      return found[0];
    }
    return '';
  }

  // Word writes lists as paragraphs styled "mso-list: l0 level1 lfo1" whose marker ("1.", "·") sits
  // in a span styled "mso-list: Ignore" or between supportLists conditional comments; they become
  // real (nested) lists, numbered when Word's list definition or the marker says so, and the marker
  // goes (Markdown numbers the items itself).
  function wordLists(doc, formats) {
    var paragraphs = Array.prototype.slice.call(doc.querySelectorAll('p'));
    var stack = [];
    var previous = null;
    paragraphs.forEach(function (p) {
      var match = /mso-list:\s*(l\d+)\s+level(\d+)/.exec(styleOf(p));
      if (!match) return;
      var level = Number(match[2]);
      var marker = p.getAttribute('data-list-marker') || '';
      Array.prototype.slice.call(p.querySelectorAll('*')).forEach(function (el) {
        if (el.parentNode && /mso-list:\s*ignore/.test(styleOf(el))) {
          marker += el.textContent;
          el.parentNode.removeChild(el);
        }
      });
      marker = marker.replace(/\u00a0/g, ' ').trim();
      if (!marker) marker = stripTextMarker(p).trim();
      var format = formats[match[1] + ':' + level];
      var ordered = format ? format !== 'bullet' && format !== 'none' : NUMBERED.test(marker);
      var tag = ordered ? 'OL' : 'UL';
      if (!previous || p.previousElementSibling !== previous) stack = [];
      while (stack.length > level) stack.pop();
      // A numbered list right after a bulleted one at the same level (or the other way) is a new list.
      if (stack.length === level && stack[level - 1].nodeName !== tag) stack.pop();
      while (stack.length < level) {
        var list = doc.createElement(tag);
        var first = /^\s*(\d{1,4})[.)]/.exec(marker);
        if (ordered && stack.length === level - 1 && first && Number(first[1]) > 1) list.setAttribute('start', first[1]);
        if (stack.length === 0) p.parentNode.insertBefore(list, p);
        else {
          var parentList = stack[stack.length - 1];
          var host = parentList.lastElementChild || parentList.appendChild(doc.createElement('li'));
          host.appendChild(list);
        }
        stack.push(list);
      }
      var item = doc.createElement('li');
      while (p.firstChild) item.appendChild(p.firstChild);
      stack[stack.length - 1].appendChild(item);
      p.parentNode.removeChild(p);
      previous = stack[0];
    });
  }

  function clean(html) {
    // A parsed document shares the page's CSP, which refuses inline styles (and says so in the
    // console): style elements go before parsing, and style attributes are renamed so they stay
    // readable for the bold, italic and list detection below.
    var inert = html.replace(/<style[\s\S]*?<\/style\s*>/gi, '').replace(/(<[a-z][^<>]*?\s)style\s*=/gi, '$1data-pasted-style=');
    var doc = new DOMParser().parseFromString(inert, 'text/html');
    conditionalMarkers(doc);
    var comments = doc.createTreeWalker(doc, NodeFilter.SHOW_COMMENT);
    var dead = [];
    while (comments.nextNode()) dead.push(comments.currentNode);
    dead.forEach(function (c) { c.parentNode.removeChild(c); });
    Array.prototype.slice.call(doc.querySelectorAll(DROP)).forEach(function (el) { el.parentNode && el.parentNode.removeChild(el); });
    Array.prototype.slice.call(doc.body.querySelectorAll('*')).forEach(function (el) {
      var name = el.tagName.toLowerCase();
      if (name.indexOf('v:') === 0) el.parentNode && el.parentNode.removeChild(el);
      else if (name.indexOf(':') > 0) unwrap(el);
    });
    wordLists(doc, listFormats(html));
    Array.prototype.slice.call(doc.body.querySelectorAll('*')).forEach(function (el) {
      var name = el.tagName.toLowerCase();
      var style = styleOf(el);
      // Google Docs wraps the whole clipboard in <b style="font-weight:normal">.
      if ((name === 'b' || name === 'strong') && /(^|;)\s*font-weight:\s*(normal|400)/.test(style)) return unwrap(el);
      if (name === 'span' || name === 'font') {
        // Only the plain properties: Word's mso-bidi-font-weight is for right-to-left scripts.
        var bold = /(^|;)\s*font-weight:\s*(bold|[6-9]00)/.test(style);
        var italic = /(^|;)\s*font-style:\s*italic/.test(style);
        if (bold) wrapIn(el, 'strong');
        if (italic) wrapIn(el, 'em');
        return unwrap(el);
      }
      if (name === 'a') {
        var href = (el.getAttribute('href') || '').trim();
        if (!/^(https?:|mailto:|tel:)/i.test(href)) return unwrap(el);
        el.setAttribute('href', href);
      }
    });
    return doc.body;
  }

  // Whether every word of a table cell is bold.
  function allBold(cell) {
    var texts = cell.ownerDocument.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    var any = false;
    while (texts.nextNode()) {
      var text = texts.currentNode;
      if (!/\S/.test(text.data.replace(/\u00a0/g, ' '))) continue;
      any = true;
      var el = text.parentNode;
      while (el && el !== cell && !/^(B|STRONG|TH)$/.test(el.nodeName)) el = el.parentNode;
      if (!el || el === cell) return cell.nodeName === 'TH';
    }
    return any;
  }

  // A table's first row heads it only when the source says so: it sits in <thead>, its cells are
  // <th>, or (Word writes no <th>: a table style's header row is bold text) every filled cell of it
  // is bold while the table has more rows. Otherwise no header is invented.
  function hasHeaderRow(table) {
    var first = table.rows[0];
    if (!first) return false;
    if (first.parentNode.nodeName === 'THEAD') return true;
    var cells = Array.prototype.slice.call(first.cells);
    if (cells.length > 0 && cells.every(function (c) { return c.nodeName === 'TH'; })) return true;
    var filled = cells.filter(function (c) { return /\S/.test((c.textContent || '').replace(/\u00a0/g, ' ')); });
    return table.rows.length > 1 && filled.length > 0 && filled.every(allBold);
  }

  var service = null;
  function turndown() {
    if (service) return service;
    service = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', emDelimiter: '*', strongDelimiter: '**', codeBlockStyle: 'fenced', hr: '---' });
    // "- item" and "1. item" with one space, rather than turndown's aligned "-   item".
    service.addRule('listItem', {
      filter: 'li',
      replacement: function (content, node, options) {
        var parent = node.parentNode;
        var prefix = options.bulletListMarker + ' ';
        if (parent.nodeName === 'OL') {
          var first = Number(parent.getAttribute('start') || 1);
          prefix = first + Array.prototype.indexOf.call(parent.children, node) + '. ';
        }
        var isParagraph = /\n$/.test(content);
        content = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
        content = content.replace(/\n/gm, '\n' + ' '.repeat(prefix.length));
        return prefix + content + (node.nextSibling ? '\n' : '');
      },
    });
    service.addRule('table', {
      filter: 'table',
      replacement: function (_content, node) {
        var rows = Array.prototype.slice.call(node.rows).map(function (row) {
          return Array.prototype.slice.call(row.cells).map(function (cell) { return cell.textContent || ''; });
        });
        return '\n\n' + markdownEdits.pipeTable(rows, hasHeaderRow(node)) + '\n\n';
      },
    });
    return service;
  }

  return function htmlToMarkdown(html) {
    return markdownEdits.tidyMarkdown(turndown().turndown(clean(html)));
  };
})();
`;
