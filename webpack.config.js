/* eslint-disable no-undef */
/**
 * Build of the cm-addin Excel add-in (Office conventions, one shared runtime):
 * - ONE page, taskpane.html, carries the task pane (src/taskpane/index.tsx) and the custom
 *   functions (src/functions/index.ts); both bundles share one webpack runtime chunk so that
 *   modules such as src/policy/store.ts exist once for the pane and the functions;
 * - functions.json (zh-CN, from the Chinese JSDoc) by CustomFunctionsMetadataPlugin, and
 *   functions.en-US.json (same metadata, English descriptions from src/functions/en.ts);
 * - office.js served from the add-in's own origin (copied from @microsoft/office-js);
 * - manifest.xml copied to dist/, every dev URL rewritten to urlProd in production;
 * - https dev server with office-addin-dev-certs (never in CI).
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

/** Where the dev server serves the add-in (manifest.xml uses exactly this prefix). */
const urlDev = "https://localhost:3000/";
/**
 * Where the production build is hosted. Set CM_ADDIN_URL (ending in "/") when building for
 * your own web server: `CM_ADDIN_URL=https://intranet.example.cn/cm-addin/ npm run build`.
 */
const urlProd = process.env.CM_ADDIN_URL || "https://cm-addin.example.com/";

/** The custom functions files (JSDoc → functions.json). */
const FUNCTION_FILES = [
  "./src/functions/a.ts",
  "./src/functions/b.ts",
  "./src/functions/c.ts",
  "./src/functions/d.ts",
  "./src/functions/roster.ts",
];
const FUNCTIONS_JSON = "functions.json";
const FUNCTIONS_JSON_EN = "functions.en-US.json";

/** office.js and the files it loads itself from its own folder (host, locale strings). */
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));
const OFFICE_JS_OUT = "office-js/";
const OFFICE_JS_FILES = [
  "office.js",
  "o15apptofilemappingtable.js",
  "custom-functions-runtime.js",
  "excel-*.js",
  "excelwebapp-*.js",
  "excelios-*.js",
  "*/office_strings.js",
  "telemetry/*.js",
];

/** Replaces EVERY occurrence of the dev URL (the template's replace() only did the first). */
function rewriteUrls(text, from = urlDev, to = urlProd) {
  if (!to.startsWith("https://") || !to.endsWith("/")) {
    throw new Error(`CM_ADDIN_URL must be an https URL ending in "/": ${to}`);
  }
  return text.split(from).join(to);
}

/**
 * functions.en-US.json from functions.json: every function and parameter description replaced
 * from the English help table (src/functions/en.ts). Returns the JSON text and what is missing.
 */
function localizeMetadata(metadataJson, helpEn) {
  const meta = JSON.parse(metadataJson);
  const missing = [];
  for (const fn of meta.functions || []) {
    const help = helpEn[fn.id];
    if (!help || !String(help.description || "").trim()) {
      missing.push(`${fn.id}: no English description`);
      continue;
    }
    fn.description = help.description;
    for (const p of fn.parameters || []) {
      const text = help.params && help.params[p.name];
      if (!text || !String(text).trim()) missing.push(`${fn.id}(${p.name}): no English parameter help`);
      else p.description = text;
    }
    if (fn.result && "description" in fn.result) {
      if (help.result) fn.result.description = help.result;
      else missing.push(`${fn.id}: no English result help`);
    }
  }
  const ids = new Set((meta.functions || []).map((f) => f.id));
  const extra = Object.keys(helpEn).filter((id) => !ids.has(id));
  return { json: JSON.stringify(meta, null, 4), missing, extra };
}

/** Loads the English help tables (TypeScript) fresh, through tsx. */
function loadHelpEn() {
  const tsx = require("tsx/cjs/api");
  const mod = tsx.require("./src/functions/en.ts", __filename);
  return mod.HELP_EN;
}

/** Emits functions.en-US.json once CustomFunctionsMetadataPlugin has emitted functions.json. */
class EnglishFunctionsMetadataPlugin {
  apply(compiler) {
    const name = "EnglishFunctionsMetadataPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const asset = compilation.getAsset(FUNCTIONS_JSON);
          if (!asset) return; // the metadata plugin already reported why
          let helpEn;
          try {
            helpEn = loadHelpEn();
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(`${name}: cannot load src/functions/en.ts: ${e.message}`));
            return;
          }
          const { json, missing, extra } = localizeMetadata(asset.source.source().toString(), helpEn);
          for (const m of missing) compilation.errors.push(new webpack.WebpackError(`${FUNCTIONS_JSON_EN}: ${m}`));
          for (const id of extra) {
            compilation.warnings.push(new webpack.WebpackError(`${FUNCTIONS_JSON_EN}: English help for unknown function ${id}`));
          }
          compilation.emitAsset(FUNCTIONS_JSON_EN, new webpack.sources.RawSource(json));
        }
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "package.json"), "utf8"));
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);

  let httpsOptions;
  if (serving && !process.env.CI) {
    // dev only: creates and trusts a localhost certificate the first time (asks for consent)
    httpsOptions = await require("office-addin-dev-certs").getHttpsServerOptions();
  }

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // types are checked by `tsc --noEmit` (npm test); ES modules so webpack can tree-shake
            options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: dev } },
          },
        },
      ],
    },
    optimization: {
      // one runtime for both entries: the pane and the functions share module instances
      runtimeChunk: "single",
      splitChunks: { chunks: "all" },
    },
    performance: {
      // React + Fluent UI are large; the add-in loads once per workbook from its own server
      hints: false,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: FUNCTIONS_JSON, input: FUNCTION_FILES }),
      new EnglishFunctionsMetadataPlugin(),
      new webpack.DefinePlugin({
        __CM_VERSION__: JSON.stringify(pkg.version),
        // the generated zh-CN metadata, for the help page's function list
        __CM_FUNCTIONS__: webpack.DefinePlugin.runtimeValue(() => {
          const r = CustomFunctionsMetadataPlugin.generateResults[FUNCTION_FILES];
          return r ? r.metadataJson : "null";
        }, true),
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          ...OFFICE_JS_FILES.map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            to: OFFICE_JS_OUT,
            globOptions: { ignore: ["**/*.debug.js"] },
          })),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteUrls(content.toString())),
          },
        ],
      }),
    ],
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: httpsOptions ? { type: "https", options: httpsOptions } : { type: "https" },
      port,
      // no live-reload socket to anything but this origin; no browser opened
      open: false,
    },
  };
};

module.exports.urlDev = urlDev;
module.exports.urlProd = urlProd;
module.exports.rewriteUrls = rewriteUrls;
module.exports.localizeMetadata = localizeMetadata;
module.exports.FUNCTION_FILES = FUNCTION_FILES;
module.exports.OFFICE_JS_OUT = OFFICE_JS_OUT;
module.exports.FUNCTIONS_JSON = FUNCTIONS_JSON;
module.exports.FUNCTIONS_JSON_EN = FUNCTIONS_JSON_EN;
