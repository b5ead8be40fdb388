import { hashedAsset } from './hashed-asset.js';
import { scriptMessagesSource } from './script-messages.source.js';

/**
 * The release editor's autosave and leave warning (#16), for the form marked data-autosave (its
 * value is the JSON endpoint). Three seconds after typing stops, and when focus leaves a changed
 * field, the form's fields go to the endpoint with the lock version the form holds; the answer's
 * version is written back into every lockVersion/version field of the page, so the author's own
 * next save, autosave or workflow step does not conflict with itself. A conflict (someone else
 * changed the text) stops autosaving and says so: the typed text stays, and Save draft shows both
 * versions. While the form differs from what was saved, leaving the page asks first; submitting the
 * editor form clears that, and a workflow step (submit for review...) saves the text before it goes.
 * The form's data-autosave-state says whether its text is the stored one ("saved"), typed text the
 * server gave back unsaved ("unsaved": saved soon) or a lost race ("conflict": never autosaved).
 * Without JavaScript nothing changes: Save draft works as before.
 */
const source = String.raw`
(function () {
  var me = document.currentScript;
  ${scriptMessagesSource}
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.fetch || !window.JSON) return;
  var endpoint = form.getAttribute('data-autosave');
  var delay = Number(form.getAttribute('data-autosave-delay')) || 3000;
  var csrf = form.querySelector('input[name="_csrf"]');
  var lock = form.querySelector('input[name="lockVersion"]');
  if (!endpoint || !csrf || !lock) return;
  var FIELDS = ['title', 'subtitle', 'bodyMarkdown', 'department', 'contactName', 'contactPhone', 'contactEmail', 'tags', 'embargoUntil'];

  var status = document.createElement('p');
  status.className = 'autosave-status';
  status.id = 'autosave-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  var hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = msg('adminAutosaveHint', 'Your changes are saved as a draft revision a few seconds after you stop typing.');
  var buttons = form.querySelector('.form-buttons');
  form.insertBefore(hint, buttons);
  form.insertBefore(status, buttons);

  function snapshot() {
    var data = {};
    FIELDS.forEach(function (name) {
      var el = form.elements.namedItem(name);
      data[name] = el && 'value' in el ? el.value : '';
    });
    return data;
  }
  // "unsaved": the server gave back typed text it did not save (Preview, a refused save); "conflict":
  // the typed text lost a race and the person merges by hand, so nothing is saved behind their back.
  var initial = form.getAttribute('data-autosave-state') || 'saved';
  var saved = initial === 'saved' ? JSON.stringify(snapshot()) : null;
  var timer = null;
  var running = null;
  var stopped = initial === 'conflict';
  var leaving = false;
  var changedSinceSave = function () { return JSON.stringify(snapshot()) !== saved; };

  function show(text, isProblem) {
    status.textContent = text;
    status.className = isProblem ? 'autosave-status field-error' : 'autosave-status';
  }

  // The version the page's forms name from now on: the editor's lock version and the workflow steps' version.
  function holdVersion(version) {
    Array.prototype.slice.call(document.querySelectorAll('input[type="hidden"][name="lockVersion"], input[type="hidden"][name="version"]')).forEach(function (input) {
      input.value = String(version);
    });
  }

  function save() {
    clearTimeout(timer);
    timer = null;
    if (stopped) return Promise.resolve(false);
    if (running) return running.then(save);
    var data = snapshot();
    var sent = JSON.stringify(data);
    if (sent === saved) return Promise.resolve(true);
    data.lockVersion = lock.value;
    show(msg('adminAutosaveSaving', 'Saving…'), false);
    running = fetch(endpoint, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf.value },
      body: JSON.stringify(data),
    })
      .then(function (response) {
        return response.json().then(
          function (body) { return { status: response.status, body: body || {} }; },
          function () { return { status: response.status, body: {} }; }
        );
      })
      .then(
        function (answer) {
          var body = answer.body;
          if (answer.status === 200 && typeof body.version === 'number') {
            saved = sent;
            holdVersion(body.version);
            show(msg('adminAutosaveSavedAt', 'Saved at {time}', { time: body.savedAtLabel }), false);
            return true;
          }
          var errors = Array.isArray(body.errors) ? body.errors : [];
          if (answer.status === 409 && errors[0] && errors[0].code === 'stale_version') {
            // Someone else's text is newer: never overwrite it; Save draft shows both versions.
            stopped = true;
            show(errors[0].message || msg('adminAutosaveConflict', 'Someone else changed this release.'), true);
            return false;
          }
          var reason = errors.map(function (e) { return e.message; }).join(' ') || 'HTTP ' + answer.status + '.';
          show(msg('adminAutosaveFailed', 'Not saved automatically: {reason}', { reason: reason }), true);
          return false;
        },
        function () {
          show(msg('adminAutosaveOffline', 'Not saved automatically: the connection failed.'), true);
          return false;
        }
      )
      .then(function (ok) {
        running = null;
        if (ok && changedSinceSave()) schedule();
        return ok;
      });
    return running;
  }

  function schedule() {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(save, delay);
  }

  if (initial === 'unsaved') {
    show(msg('adminAutosaveUnsaved', 'Unsaved changes'), false);
    schedule();
  }
  form.addEventListener('input', function () {
    if (!changedSinceSave()) {
      // Typed and undone: nothing to save, and nothing to warn about.
      clearTimeout(timer);
      if (status.textContent === msg('adminAutosaveUnsaved', 'Unsaved changes')) show('', false);
      return;
    }
    if (!stopped && !running) show(msg('adminAutosaveUnsaved', 'Unsaved changes'), false);
    schedule();
  });
  form.addEventListener('change', schedule);
  form.addEventListener('focusout', function () {
    if (changedSinceSave()) save();
  });
  // The form's own buttons (Save draft, Preview) send the text themselves: no warning for them. An
  // autosave still on its way (focus left the field for the button) is waited for, so the form goes
  // with the version it answered rather than conflicting with it.
  form.addEventListener('submit', function (event) {
    clearTimeout(timer);
    if (running) {
      event.preventDefault();
      var submitter = event.submitter;
      running.then(function () {
        resubmit(form, submitter);
      });
      return;
    }
    leaving = true;
  });

  function resubmit(target, submitter) {
    leaving = true;
    if (target.requestSubmit) target.requestSubmit(submitter || undefined);
    else target.submit();
  }

  // A workflow step or a restore on this page: the typed text is saved first, then the step goes
  // with the version that save answered; when it cannot be saved, the step waits and the reason shows.
  Array.prototype.slice.call(document.querySelectorAll('form')).forEach(function (other) {
    if (other === form || !other.querySelector('input[name="version"], input[name="lockVersion"]')) return;
    other.addEventListener('submit', function (event) {
      if (!changedSinceSave()) {
        leaving = true;
        return;
      }
      // After a conflict nothing is saved behind the person's back: the leave warning asks instead.
      if (stopped) return;
      event.preventDefault();
      var submitter = event.submitter;
      save().then(function (ok) {
        if (!ok) return status.scrollIntoView && status.scrollIntoView({ block: 'center' });
        resubmit(other, submitter);
      });
    });
  });

  window.addEventListener('beforeunload', function (event) {
    if (leaving || !changedSinceSave()) return;
    var text = msg('adminLeaveWarning', 'You have unsaved changes. Leave this page and lose them?');
    event.preventDefault();
    event.returnValue = text;
    return text;
  });
  // A page restored from the back/forward cache may be left again.
  window.addEventListener('pageshow', function () {
    leaving = false;
  });
})();
`;

export const autosaveScript = hashedAsset('admin-autosave', 'js', source);
