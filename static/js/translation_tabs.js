// Keeps modeltranslation's language switch (the select beside the page title)
// in step with the language tabs when the page opens.
//
// modeltranslation opens every field's tabs in the admin's interface language
// (MODELTRANSLATION_AUTO_SELECT_CURRENT_LANGUAGE) but starts the switch at the
// first language: an English admin showed "cs" above English tabs, and choosing
// "cs" in the switch then did nothing. Loaded after tabbed_translation_fields.js,
// whose ready handler builds the tabs before this one runs.
(function () {
  "use strict";
  var jQuery = window.jQuery || (window.django && window.django.jQuery);
  if (!jQuery) {
    return;
  }
  jQuery(function ($) {
    var select = $("#modeltranslation-main-switch");
    var tabs = $(".ui-tabs").first();
    if (!select.length || !tabs.length) {
      return;
    }
    var active = tabs.tabs("option", "active");
    if (typeof active === "number") {
      select.val(String(active));
    }
  });
})();
