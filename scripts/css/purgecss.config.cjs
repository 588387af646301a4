// Bootstrap, cut to the classes this project uses (run `make css` after adding a class:
// tests/otop_fair/test_css_subset.py fails on a template class the subset lacks).
// PurgeCSS runs at development time only (npx purgecss); the result is vendored under static/.
module.exports = {
  content: [
    "templates/**/*.html",
    "*/templates/**/*.html",
    "*/*/templates/**/*.html",
    "static/js/*.js",
    "{otop_fair,producers,booths,sales}/**/*.py",
    ".venv/lib/python3*/site-packages/crispy_bootstrap5/templates/**/*.html",
    ".venv/lib/python3*/site-packages/django/forms/templates/**/*.html",
  ],
  css: ["static/vendor/bootstrap/bootstrap.min.css"],
  output: "static/vendor/bootstrap/bootstrap.subset.min.css",
  // Classes put on by script or by Bootstrap's own states.
  safelist: {
    standard: ["show", "collapsing", "active", "disabled", "table-stacked", "was-validated", "is-invalid", "is-valid"],
    greedy: [/^text-bg-/, /^alert-/, /^sync-/],
  },
  // Django's widgets write `type="{{ widget.type }}"`: the value (radio) is in no file PurgeCSS
  // reads, and without the rules kept here every choice of one looked like a tick box.
  dynamicAttributes: ["type"],
  variables: true,
  keyframes: true,
  fontFace: true,
};
