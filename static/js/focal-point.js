/*
 * Focal point picker for the admin (regionnews.image_forms.FocalPointInput).
 *
 * Shows the photo under its two focal-point number inputs; a click on the
 * photo sets them (0-1 from the left and top edges). The inputs stay the
 * accessible way to set the point; this only adds the mouse. The photo is the
 * stored one ("Currently: ..." link of the file input) or, once a new file is
 * chosen, that file read as a data: URL, which the Content-Security-Policy's
 * img-src allows. Same-origin, no dependencies; styles go through CSSOM, which
 * the policy allows.
 */
(function () {
  "use strict";

  var SIZE = 320;

  function clamp(value) {
    return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
  }

  function storedUrl(fileInput) {
    var container = fileInput.closest(".file-upload") || fileInput.parentElement;
    var link = container && container.querySelector("a[href]");
    return link ? link.href : "";
  }

  function setUp(xInput) {
    var field = xInput.dataset.focalField;
    if (xInput.dataset.focalReady || !field || xInput.name.indexOf("__prefix__") !== -1) {
      return;
    }
    var prefix = xInput.name.slice(0, xInput.name.length - field.length);
    var form = xInput.form;
    var yInput = form && form.elements[prefix + xInput.dataset.focalPartner];
    var fileInput = form && form.elements[prefix + xInput.dataset.focalImage];
    if (!yInput || !fileInput) {
      return;
    }
    xInput.dataset.focalReady = "1";

    var box = document.createElement("div");
    box.className = "focal-point";
    box.style.margin = "0.5rem 0";
    var frame = document.createElement("div");
    frame.style.position = "relative";
    frame.style.display = "inline-block";
    frame.style.maxWidth = SIZE + "px";
    frame.style.cursor = "crosshair";
    var image = document.createElement("img");
    image.alt = "";
    image.style.display = "block";
    image.style.maxWidth = "100%";
    image.style.height = "auto";
    var marker = document.createElement("span");
    marker.setAttribute("aria-hidden", "true");
    marker.style.position = "absolute";
    marker.style.width = "18px";
    marker.style.height = "18px";
    marker.style.margin = "-9px 0 0 -9px";
    marker.style.border = "3px solid #fff";
    marker.style.borderRadius = "50%";
    marker.style.boxShadow = "0 0 0 2px #000";
    marker.style.pointerEvents = "none";
    var hint = document.createElement("p");
    hint.className = "help";
    hint.textContent = xInput.dataset.focalHint || "";
    frame.appendChild(image);
    frame.appendChild(marker);
    box.appendChild(frame);
    box.appendChild(hint);

    function place() {
      var x = parseFloat(xInput.value);
      var y = parseFloat(yInput.value);
      marker.style.left = (isNaN(x) ? 50 : clamp(x) * 100) + "%";
      marker.style.top = (isNaN(y) ? 50 : clamp(y) * 100) + "%";
    }

    function show(url) {
      box.hidden = !url;
      if (url) {
        image.src = url;
        place();
      }
    }

    image.addEventListener("click", function (event) {
      var rect = image.getBoundingClientRect();
      xInput.value = clamp((event.clientX - rect.left) / rect.width);
      yInput.value = clamp((event.clientY - rect.top) / rect.height);
      xInput.dispatchEvent(new Event("change", { bubbles: true }));
      yInput.dispatchEvent(new Event("change", { bubbles: true }));
      place();
    });
    xInput.addEventListener("input", place);
    yInput.addEventListener("input", place);
    fileInput.addEventListener("change", function () {
      var file = fileInput.files && fileInput.files[0];
      if (!file) {
        show(storedUrl(fileInput));
        return;
      }
      var reader = new FileReader();
      reader.addEventListener("load", function () {
        show(reader.result);
      });
      reader.readAsDataURL(file);
    });

    var row = yInput.closest(".form-row") || yInput.parentElement;
    row.parentNode.insertBefore(box, row.nextSibling);
    show(storedUrl(fileInput));
  }

  function setUpWithin(root) {
    root.querySelectorAll('input[data-focal-axis="x"]').forEach(setUp);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpWithin(document);
  });
  // A gallery row added with "Add another" (Django's inline formset event).
  document.addEventListener("formset:added", function (event) {
    setUpWithin(event.target);
  });
})();
