// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';
  document.body.classList.add('js-enabled');
  var box = document.getElementById('message');
  var file = document.getElementById('file');
  if (!box) {
    return;
  }
  function load(chosen) {
    if (!chosen) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      box.value = String(reader.result);
    };
    reader.readAsText(chosen);
  }
  box.addEventListener('dragover', function (event) {
    event.preventDefault();
    box.classList.add('lw-drop');
  });
  box.addEventListener('dragleave', function () {
    box.classList.remove('lw-drop');
  });
  box.addEventListener('drop', function (event) {
    event.preventDefault();
    box.classList.remove('lw-drop');
    if (event.dataTransfer && event.dataTransfer.files.length > 0) {
      load(event.dataTransfer.files[0]);
    }
  });
  if (file) {
    file.addEventListener('change', function () {
      load(file.files[0]);
    });
  }
  // the error summary takes focus, so a screen reader hears what went wrong first
  var summary = document.querySelector('.nhsuk-error-summary');
  if (summary) {
    summary.focus();
  }
})();
