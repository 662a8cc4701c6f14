// Starts django-prose-editor on the article body fields (one per language tab).
//
// The package's own presets import "django-prose-editor/editor" through an
// inline <script type="importmap">, which the Content-Security-Policy
// (script-src 'self') refuses. This module imports the editor by its static
// path instead and builds the extensions listed in the widget's data
// attribute (articles.admin.BODY_EDITOR_EXTENSIONS), so the server decides
// what the editor may produce.
import * as prose from "../django_prose_editor/editor.js";

const attribute = "data-django-prose-editor-body";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return null;
  }
  const config = JSON.parse(textarea.getAttribute(attribute) || "{}");
  const extensions = [];
  for (const [name, options] of Object.entries(config.extensions || {})) {
    const extension = prose[name];
    if (!extension) {
      console.error(`Unknown prose editor extension: ${name}`);
    } else if (options && typeof options === "object") {
      extensions.push(extension.configure(options));
    } else {
      extensions.push(extension);
    }
  }
  const editor = prose.createTextareaEditor(textarea, extensions);
  textarea.dispatchEvent(
    new CustomEvent("prose-editor:ready", {
      detail: { editor, textarea },
      bubbles: true,
    }),
  );
  return editor;
}

prose.initializeEditors(createEditor, `[${attribute}]`);
