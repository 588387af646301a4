// `make css`: Bootstrap cut to the classes this project uses, vendored as
// static/vendor/bootstrap/bootstrap.subset.min.css. PurgeCSS is a development-time tool only:
// `make css` installs it outside the project (npm, pinned) and runs this file with NODE_PATH.
const fs = require("fs");
const { PurgeCSS } = require("purgecss");
const config = require("./purgecss.config.cjs");

new PurgeCSS().purge(config).then((results) => {
  const css = results.map((r) => r.css).join("\n");
  const banner = "/*! Bootstrap v5 (MIT), subset by PurgeCSS for OTOP Fair: see scripts/css/ */\n";
  fs.writeFileSync(config.output, banner + css.replace(/\/\*# sourceMappingURL=.*?\*\//g, ""));
  console.log(`${config.output}: ${css.length} bytes`);
});
