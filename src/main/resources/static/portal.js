// Saves a draft as the applicant types: a second after they stop, when they leave a field, and when they leave the page.
// One save at a time, so that an older text never arrives after a newer one; "Saved" is shown only when nothing typed
// since is waiting.
(function () {
  'use strict';
  var form = document.getElementById('draft');
  if (!form) { return; }
  var status = document.getElementById('save-status');
  var csrf = document.querySelector('meta[name="_csrf"]').content;
  var csrfHeader = document.querySelector('meta[name="_csrf_header"]').content;
  var timer = null;
  var dirty = false;

  // The page's words, in its language, from the form's data-* attributes ("{0}" where a value goes).
  function say(name, values) {
    return form.dataset[name].replace(/\{(\d)\}/g, function (all, i) { return values[Number(i)]; });
  }
  var saving = false;

  function time() {
    var now = new Date();
    return String(now.getHours()).padStart(2, '0') + ':' + String(now.getMinutes()).padStart(2, '0');
  }

  function save() {
    clearTimeout(timer);
    if (!dirty || saving) { return; }
    dirty = false;
    saving = true;
    var headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    headers[csrfHeader] = csrf;
    // keepalive: a save started as the page is left still arrives.
    fetch(form.dataset.autosave, { method: 'POST', body: new URLSearchParams(new FormData(form)), headers: headers,
      credentials: 'same-origin', keepalive: true })
      .then(function (response) {
        if (response.ok) {
          if (!dirty) { status.textContent = say('savedAt', [time()]); }
          return;
        }
        return response.json().then(function (answer) {
          status.textContent = answer.message || say('notSaved', []);
        });
      })
      .catch(function () {
        dirty = true;
        status.textContent = say('offline', []);
      })
      .then(function () {
        saving = false;
        if (dirty) { timer = setTimeout(save, 1000); }
      });
  }

  function changed() {
    dirty = true;
    status.textContent = say('saving', []);
    clearTimeout(timer);
    timer = setTimeout(save, 1000);
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('focusout', save);
  form.addEventListener('submit', function () { dirty = false; clearTimeout(timer); });
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', function () { if (document.visibilityState === 'hidden') { save(); } });
}());

// A file over its slot's size is refused before it is sent: the applicant does not wait for an upload that must fail.
(function () {
  'use strict';
  var draft = document.getElementById('draft');
  var words = draft ? draft.dataset : { chooseFile: 'Choose a file first.', tooBig: '{0}: the file is too large.' };
  document.querySelectorAll('input[type="file"][data-max-bytes]').forEach(function (input) {
    var upload = document.getElementById(input.getAttribute('form'));
    if (!upload) { return; }
    upload.addEventListener('submit', function (event) {
      var file = input.files && input.files[0];
      var error = document.getElementById('error-' + upload.id.replace('upload-', '')) || document.createElement('p');
      var message = null;
      if (!file) {
        message = words.chooseFile;
      } else if (file.size > Number(input.dataset.maxBytes)) {
        message = words.tooBig.replace('{0}', input.dataset.slotLabel)
          .replace('{1}', (file.size / 1048576).toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 }))
          .replace('{2}', (Number(input.dataset.maxBytes) / 1048576).toLocaleString(document.documentElement.lang,
            { maximumFractionDigits: 1 }));
      }
      if (message) {
        event.preventDefault();
        error.id = 'error-' + upload.id.replace('upload-', '');
        error.className = 'error';
        error.setAttribute('role', 'alert');
        error.textContent = message;
        if (!error.parentNode) { input.parentNode.appendChild(error); }
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    });
  });
}());
