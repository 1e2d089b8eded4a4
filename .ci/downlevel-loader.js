/**
 * A webpack loader for the offline page's bundles (webpack.config.js, issue 17): a module of
 * node_modules whose syntax is newer than the page's browsers (Chromium 86, Firefox ESR) —
 * e.g. class static blocks — is compiled down to ES2020 with TypeScript (a direct dev
 * dependency); every other module is passed on as it is (acorn, webpack's own parser, decides).
 */
const path = require("path");
const ts = require("typescript");
const acorn = require(
  require.resolve("acorn", { paths: [path.dirname(require.resolve("webpack"))] })
);

/** Whether `source` parses at ES2020 as a module or a script. */
function parsesAt2020(source) {
  for (const sourceType of ["module", "script"]) {
    try {
      acorn.parse(source, { ecmaVersion: 2020, sourceType, allowHashBang: true });
      return true;
    } catch {
      // try the other kind, then compile
    }
  }
  return false;
}

module.exports = function downlevel(source) {
  if (parsesAt2020(source)) return source;
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    compilerOptions: {
      target: ts.ScriptTarget.ES2020,
      module: ts.ModuleKind.ESNext,
      allowJs: true,
      sourceMap: false,
      removeComments: false,
    },
  });
  return out.outputText;
};
module.exports.parsesAt2020 = parsesAt2020;
