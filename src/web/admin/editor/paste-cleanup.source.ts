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

  // Word writes lists as paragraphs styled "mso-list: l0 level1 lfo1" whose marker sits in a span
  // styled "mso-list: Ignore"; they become real (nested) lists.
  function wordLists(doc) {
    var paragraphs = Array.prototype.slice.call(doc.querySelectorAll('p'));
    var stack = [];
    var previous = null;
    paragraphs.forEach(function (p) {
      var match = /mso-list:\s*l\d+\s+level(\d+)/.exec(styleOf(p));
      if (!match) return;
      var level = Number(match[1]);
      var marker = '';
      Array.prototype.slice.call(p.querySelectorAll('span')).forEach(function (span) {
        if (/mso-list:\s*ignore/.test(styleOf(span))) {
          marker += span.textContent;
          span.parentNode && span.parentNode.removeChild(span);
        }
      });
      var ordered = /^\s*(\d+|[a-z]{1,3})[.)]/i.test(marker.replace(/\u00a0/g, ' '));
      if (!previous || p.previousElementSibling !== previous) stack = [];
      while (stack.length > level) stack.pop();
      while (stack.length < level) {
        var list = doc.createElement(ordered ? 'ol' : 'ul');
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
    wordLists(doc);
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
        return '\n\n' + markdownEdits.pipeTable(rows) + '\n\n';
      },
    });
    return service;
  }

  return function htmlToMarkdown(html) {
    return markdownEdits.tidyMarkdown(turndown().turndown(clean(html)));
  };
})();
`;
