import { hashedAsset } from './hashed-asset.js';
import { scriptMessagesSource } from './script-messages.source.js';

/**
 * Progressive enhancement of the upload form (marked data-upload-form): files can be dropped on it,
 * and each file is sent on its own XMLHttpRequest to the form's own address (which carries the
 * CSRF token in ?_csrf=) with a <progress> bar per file. When every file is in, the page is loaded
 * again to show them; a refused file shows the server's own message. Without JavaScript the plain
 * multipart form works as before.
 */
const source = String.raw`
(function () {
  var me = document.currentScript;
  ${scriptMessagesSource}
  var form = document.querySelector('form[data-upload-form]');
  if (!form || !window.FormData || !window.XMLHttpRequest || !window.DOMParser) return;
  var input = form.querySelector('input[type="file"]');
  var zone = form.querySelector('fieldset') || form;
  if (!input) return;
  var css = me && me.getAttribute('data-css');
  if (css && !document.querySelector('link[href="' + css + '"]')) {
    var link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = css;
    document.head.appendChild(link);
  }

  zone.classList.add('drop-zone');
  var hint = document.createElement('p');
  hint.className = 'hint drop-zone-hint';
  hint.textContent = msg('adminUploadDrop', 'You can also drag files from your computer and drop them in this box: they upload straight away, with the caption, credit and alt text typed here.');
  zone.insertBefore(hint, zone.firstElementChild && zone.firstElementChild.tagName === 'LEGEND' ? zone.firstElementChild.nextSibling : zone.firstChild);
  var list = document.createElement('ul');
  list.className = 'upload-progress';
  var summary = document.createElement('p');
  summary.className = 'upload-summary';
  summary.setAttribute('role', 'status');
  zone.appendChild(list);
  zone.appendChild(summary);
  var submit = form.querySelector('button[type="submit"], button:not([type])');
  var busy = false;

  function field(name) {
    var el = form.elements.namedItem(name);
    return el && 'value' in el ? el.value : '';
  }

  // The server answers a refused file with the release page and its error summary.
  function messageFrom(xhr) {
    try {
      var doc = new DOMParser().parseFromString(xhr.responseText || '', 'text/html');
      var items = Array.prototype.slice.call(doc.querySelectorAll('.error-summary li')).map(function (li) { return li.textContent.trim(); });
      if (items.length > 0) return items.join(' ');
      var title = doc.querySelector('main h1');
      if (title) return title.textContent.trim();
    } catch (e) {}
    return msg('adminUploadRefused', 'The server refused the file (status {status}).', { status: xhr.status });
  }

  function uploadOne(file, row) {
    return new Promise(function (resolve) {
      var data = new FormData();
      // Texts first: the server applies them to the files that follow.
      ['caption', 'credit', 'altText'].forEach(function (name) { data.append(name, field(name)); });
      data.append('files', file, file.name);
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.setRequestHeader('accept', 'text/html');
      xhr.upload.addEventListener('progress', function (event) {
        if (!event.lengthComputable) return;
        row.bar.max = event.total;
        row.bar.value = event.loaded;
      });
      xhr.addEventListener('load', function () {
        if (xhr.status >= 200 && xhr.status < 300) {
          row.bar.value = row.bar.max;
          row.state.textContent = msg('adminUploadDone', 'uploaded');
          resolve({ ok: true, url: xhr.responseURL });
        } else {
          row.item.classList.add('upload-refused');
          row.state.textContent = msg('adminUploadNotAttached', 'not attached: {reason}', { reason: messageFrom(xhr) });
          resolve({ ok: false });
        }
      });
      xhr.addEventListener('error', function () {
        row.item.classList.add('upload-refused');
        row.state.textContent = msg('adminUploadConnection', 'not attached: the connection failed.');
        resolve({ ok: false });
      });
      xhr.send(data);
    });
  }

  function uploadAll(files) {
    if (busy || files.length === 0) return;
    busy = true;
    if (submit) submit.disabled = true;
    list.textContent = '';
    summary.textContent = msg(files.length === 1 ? 'adminUploadingOne' : 'adminUploadingMany', 'Uploading {count} files.', { count: files.length });
    var rows = files.map(function (file) {
      var item = document.createElement('li');
      var name = document.createElement('span');
      name.textContent = file.name + ' ';
      var bar = document.createElement('progress');
      bar.max = file.size || 1;
      bar.value = 0;
      bar.setAttribute('aria-label', msg('adminUploadOf', 'Upload of {name}', { name: file.name }));
      var state = document.createElement('span');
      state.className = 'upload-state';
      state.textContent = msg('adminUploadWaiting', 'waiting');
      item.appendChild(name);
      item.appendChild(bar);
      item.appendChild(state);
      list.appendChild(item);
      return { item: item, bar: bar, state: state };
    });
    var results = [];
    // One file at a time, so they are attached in the order chosen.
    files
      .reduce(function (previous, file, i) {
        return previous.then(function () {
          rows[i].state.textContent = msg('adminUploadUploading', 'uploading');
          return uploadOne(file, rows[i]).then(function (r) { results.push(r); });
        });
      }, Promise.resolve())
      .then(function () {
        busy = false;
        if (submit) submit.disabled = false;
        var good = results.filter(function (r) { return r.ok; });
        if (good.length === results.length) {
          summary.textContent = msg('adminUploadAllDone', 'All files uploaded. Showing them now.');
          setTimeout(function () { window.location.assign(good[good.length - 1].url || window.location.pathname); }, 300);
          return;
        }
        summary.setAttribute('role', 'alert');
        summary.textContent = msg('adminUploadSomeFailed', '{failed} of {count} files were not attached; the reasons are shown next to each file.', { failed: results.length - good.length, count: results.length });
        if (good.length > 0) {
          var again = document.createElement('a');
          again.href = window.location.pathname + '?done=attached#files-title';
          again.textContent = ' ' + msg('adminUploadShowAttached', 'Show the attached files');
          summary.appendChild(again);
        }
      });
  }

  form.addEventListener('submit', function (event) {
    if (!input.files || input.files.length === 0) return;
    event.preventDefault();
    uploadAll(Array.prototype.slice.call(input.files));
  });
  ['dragenter', 'dragover'].forEach(function (type) {
    zone.addEventListener(type, function (event) {
      if (!event.dataTransfer || Array.prototype.indexOf.call(event.dataTransfer.types, 'Files') < 0) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
      zone.classList.add('drop-zone-active');
    });
  });
  zone.addEventListener('dragleave', function (event) {
    if (!zone.contains(event.relatedTarget)) zone.classList.remove('drop-zone-active');
  });
  zone.addEventListener('drop', function (event) {
    if (!event.dataTransfer || event.dataTransfer.files.length === 0) return;
    event.preventDefault();
    zone.classList.remove('drop-zone-active');
    uploadAll(Array.prototype.slice.call(event.dataTransfer.files));
  });
})();
`;

export const uploadScript = hashedAsset('admin-upload', 'js', source);
