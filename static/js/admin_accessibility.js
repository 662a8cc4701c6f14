// Accessible names and structure for the widgets the admin builds in the
// browser, which the server-rendered form cannot label itself (WCAG 2.2 AA,
// checked by axe-core in tests/e2e/test_admin_accessibility.py):
//
// - modeltranslation's language tabs (jQuery UI): a link inside each tab made
//   a focusable control inside another; the link becomes plain text and a
//   click on the tab selects it (the keyboard is jQuery UI's: arrows, Enter).
// - modeltranslation's language switch: a name; removed when there are no
//   tabs to switch (a read-only view), instead of an empty menu.
// - select2 (autocomplete fields): the combobox named by the field's label,
//   or by the aria-label the server gave the <select> in a tabular inline;
//   the search box of a multiple choice named likewise.
// - the prose editor's editable area: named by the body field's label.
//
// The texts come from data attributes of this <script> (translated on the
// server). Every fix is idempotent; they run when the page is ready and again
// whenever the page grows (an inline row added, a widget started late).
(function () {
  "use strict";
  var strings = (document.currentScript && document.currentScript.dataset) || {};

  function labelText(id) {
    var label = id && document.querySelector('label[for="' + CSS.escape(id) + '"]');
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function nameOf(select) {
    return select.getAttribute("aria-label") || labelText(select.id);
  }

  function fixTabs(root) {
    root.querySelectorAll(".ui-tabs-nav > li[role=tab] > a[href]").forEach(function (link) {
      var tab = link.parentElement;
      // The tab (the <li>) is the control; its link becomes plain text: no
      // href, no tabindex, no role, so nothing focusable sits inside it.
      link.removeAttribute("href");
      link.removeAttribute("tabindex");
      link.removeAttribute("role");
      if (link.title) {
        tab.title = link.title;
      }
      tab.addEventListener("click", function () {
        var jq = window.jQuery;
        var container = tab.closest(".ui-tabs");
        if (jq && container) {
          var index = Array.prototype.indexOf.call(tab.parentElement.children, tab);
          jq(container).tabs("option", "active", index);
          tab.focus();
        }
      });
    });
    // Without its links jQuery UI would take a tab for a remote one and load
    // its "href" (none): every tab here is local.
    if (window.jQuery) {
      window.jQuery(root).find(".ui-tabs").addBack(".ui-tabs").each(function () {
        var widget = window.jQuery(this).tabs("instance");
        if (widget && !widget._regionnewsLocal) {
          widget._isLocal = function () { return true; };
          widget._regionnewsLocal = true;
        }
      });
    }
  }

  function fixLanguageSwitch() {
    var select = document.getElementById("modeltranslation-main-switch");
    if (!select) {
      return;
    }
    if (!select.options.length || !document.querySelector(".ui-tabs")) {
      select.remove();
      return;
    }
    if (strings.languageSwitch) {
      select.setAttribute("aria-label", strings.languageSwitch);
    }
  }

  function fixSelect2(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2")) {
        return;
      }
      var name = nameOf(select);
      if (!name) {
        return;
      }
      var combobox = container.querySelector("[role=combobox]");
      if (combobox) {
        combobox.setAttribute("aria-label", name);
        combobox.removeAttribute("aria-labelledby");
      }
      // The chosen value's text, shown inside the combobox: text, not a
      // second (unnamed) input.
      container.querySelectorAll(".select2-selection__rendered[role=textbox]")
        .forEach(function (rendered) {
          rendered.removeAttribute("role");
          rendered.removeAttribute("aria-readonly");
        });
      // A list holds list items only: the "clear all" cross goes before it.
      container.querySelectorAll("ul > .select2-selection__clear")
        .forEach(function (clear) {
          clear.parentElement.before(clear);
        });
      container.querySelectorAll(".select2-search__field").forEach(function (field) {
        field.setAttribute("aria-label", name);
      });
    });
  }

  function fixEditors(root) {
    root.querySelectorAll(".prose-editor [contenteditable]").forEach(function (area) {
      if (area.hasAttribute("aria-label")) {
        return;
      }
      var row = area.closest(".form-row, .form-group, [class*=field-]");
      var textarea = row && row.querySelector("textarea");
      var name = textarea && labelText(textarea.id);
      if (name) {
        area.setAttribute("aria-label", name);
      }
    });
  }

  function fixAll() {
    fixTabs(document);
    fixLanguageSwitch();
    fixSelect2(document);
    fixEditors(document);
  }

  var pending = false;
  function schedule() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        fixAll();
      });
    }
  }

  function start() {
    // After the other ready handlers (modeltranslation's, autocomplete's).
    window.setTimeout(fixAll, 0);
    new MutationObserver(schedule).observe(document.body, {
      childList: true,
      subtree: true,
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
