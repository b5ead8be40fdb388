import { hashedAsset } from './hashed-asset.js';
import { scriptMessagesSource } from './script-messages.source.js';
import { markdownEditsSource } from './markdown-edits.source.js';
import { pasteCleanupSource } from './paste-cleanup.source.js';

/**
 * Progressive enhancement of the body field: a Markdown toolbar, a live preview and paste from
 * Word, HWP or Google Docs as clean Markdown. The script adds every control itself, so without
 * JavaScript there are no dead buttons and the form (with its server-side Preview) works as before.
 * It reads its settings from its own tag: data-preview (endpoint) and data-css (its stylesheet).
 */
const wiring = String.raw`
(function () {
  var me = document.currentScript;
  ${scriptMessagesSource}
  var textarea = document.getElementById('field-bodyMarkdown');
  if (!textarea || !me) return;
  var form = textarea.form;
  addStylesheet(me.getAttribute('data-css'));

  function addStylesheet(href) {
    if (!href || document.querySelector('link[href="' + href + '"]')) return;
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.appendChild(link);
  }

  // Replaces a range through the editing commands where the browser has them, so undo keeps working
  // and an input event follows; otherwise directly.
  function replaceRange(edit) {
    textarea.focus();
    textarea.setSelectionRange(edit.start, edit.end);
    var done = false;
    try {
      done = document.execCommand('insertText', false, edit.text);
    } catch (e) {
      done = false;
    }
    if (!done || textarea.value.slice(edit.start, edit.start + edit.text.length) !== edit.text) {
      textarea.setRangeText(edit.text, edit.start, edit.end, 'end');
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    }
    textarea.setSelectionRange(edit.selStart, edit.selEnd);
  }

  // 1. The toolbar: one tab stop, arrow keys move between buttons (the ARIA toolbar pattern).
  var actions = [
    { label: msg('adminEditorBold', 'Bold'), keys: 'Control+B', edit: function (v, s, e) { return markdownEdits.wrapSelection(v, s, e, '**', msg('adminEditorBoldText', 'bold text')); } },
    { label: msg('adminEditorItalic', 'Italic'), keys: 'Control+I', edit: function (v, s, e) { return markdownEdits.wrapSelection(v, s, e, '*', msg('adminEditorItalicText', 'italic text')); } },
    { label: msg('adminEditorHeading', 'Heading'), edit: function (v, s, e) { return markdownEdits.prefixLines(v, s, e, 'heading'); } },
    { label: msg('adminEditorBulletedlist', 'Bulleted list'), edit: function (v, s, e) { return markdownEdits.prefixLines(v, s, e, 'bullets'); } },
    { label: msg('adminEditorNumberedlist', 'Numbered list'), edit: function (v, s, e) { return markdownEdits.prefixLines(v, s, e, 'numbers'); } },
    { label: msg('adminEditorLink', 'Link'), keys: 'Control+K', edit: function (v, s, e) { return markdownEdits.link(v, s, e); } },
    { label: msg('adminEditorQuote', 'Quote'), edit: function (v, s, e) { return markdownEdits.prefixLines(v, s, e, 'quote'); } },
  ];
  function run(action) {
    replaceRange(action.edit(textarea.value, textarea.selectionStart, textarea.selectionEnd));
  }
  var toolbar = document.createElement('div');
  toolbar.className = 'md-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', msg('adminEditorFormatting', 'Formatting'));
  toolbar.setAttribute('aria-controls', textarea.id);
  var buttons = actions.map(function (action, i) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-secondary';
    button.textContent = action.label;
    button.tabIndex = i === 0 ? 0 : -1;
    if (action.keys) button.setAttribute('aria-keyshortcuts', action.keys);
    button.addEventListener('click', function () { run(action); });
    toolbar.appendChild(button);
    return button;
  });
  toolbar.addEventListener('keydown', function (event) {
    var at = buttons.indexOf(document.activeElement);
    if (at < 0) return;
    var to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    to = (to + buttons.length) % buttons.length;
    buttons[at].tabIndex = -1;
    buttons[to].tabIndex = 0;
    buttons[to].focus();
  });
  textarea.parentNode.insertBefore(toolbar, textarea);
  textarea.addEventListener('keydown', function (event) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    var action = { b: actions[0], i: actions[1], k: actions[5] }[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    run(action);
  });

  // 2. The live preview: the server renders and sanitizes exactly as for the public page.
  var csrf = form && form.querySelector('input[name="_csrf"]');
  var endpoint = me.getAttribute('data-preview');
  if (csrf && endpoint && window.fetch) {
    var section = document.createElement('section');
    section.className = 'live-preview';
    section.setAttribute('aria-labelledby', 'live-preview-title');
    var heading = document.createElement('h2');
    heading.id = 'live-preview-title';
    heading.textContent = msg('adminEditorLivePreview', 'Live preview of the body');
    var output = document.createElement('div');
    output.className = 'release-body live-preview-body';
    output.id = 'live-preview';
    output.setAttribute('aria-live', 'polite');
    var note = document.createElement('p');
    note.className = 'hint';
    note.setAttribute('role', 'status');
    section.appendChild(heading);
    section.appendChild(output);
    section.appendChild(note);
    var group = textarea.closest('.form-group') || textarea;
    group.parentNode.insertBefore(section, group.nextSibling);
    var timer = null;
    var latest = 0;
    var refresh = function () {
      var mine = ++latest;
      fetch(endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf.value },
        body: JSON.stringify({ bodyMarkdown: textarea.value }),
      })
        .then(function (response) { return response.ok ? response.json() : Promise.reject(new Error(String(response.status))); })
        .then(function (data) {
          if (mine !== latest) return;
          output.innerHTML = data.html;
          note.textContent = data.html ? '' : msg('adminEditorNothingYet', 'Nothing to show yet.');
        })
        .catch(function () {
          if (mine === latest) note.textContent = msg('adminEditorPreviewDown', 'The live preview is not available just now; the Preview button still works.');
        });
    };
    textarea.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
    refresh();
  }

  // 3. Paste: HTML from a word processor or a web page becomes Markdown; plain text is left alone.
  textarea.addEventListener('paste', function (event) {
    var data = event.clipboardData;
    if (!data || typeof TurndownService === 'undefined') return;
    var html = data.getData('text/html');
    if (!html || !/<[a-z]/i.test(html)) return;
    var markdown;
    try {
      markdown = htmlToMarkdown(html);
    } catch (e) {
      return;
    }
    if (!markdown) return;
    event.preventDefault();
    var at = textarea.selectionStart + markdown.length;
    replaceRange({ start: textarea.selectionStart, end: textarea.selectionEnd, text: markdown, selStart: at, selEnd: at });
  });
})();
`;

export const editorScript = hashedAsset('admin-editor', 'js', `${markdownEditsSource}\n${pasteCleanupSource}\n${wiring}`);
