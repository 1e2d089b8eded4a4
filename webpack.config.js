/* eslint-disable no-undef */
/**
 * Build of the cm-addin Excel add-in (Office conventions, one shared runtime):
 * - ONE page, taskpane.html, carries the task pane (src/taskpane/index.tsx) and the custom
 *   functions (src/functions/index.ts); both bundles share one webpack runtime chunk so that
 *   modules such as src/policy/store.ts exist once for the pane and the functions;
 * - functions.json (zh-CN, from the Chinese JSDoc) by CustomFunctionsMetadataPlugin, and
 *   functions.en-US.json (same metadata, English descriptions from src/functions/en.ts);
 * - office.js from Microsoft's CDN by default; CM_OFFICE_JS chooses another source (below);
 * - a Content-Security-Policy meta tag in taskpane.html (contentSecurityPolicy below);
 * - content-hashed bundle names in production, so a new build is never served from a stale cache;
 * - manifest.xml copied to dist/: in production every dev URL rewritten to CM_ADDIN_URL (which
 *   a production build requires: checked before anything is compiled), comments left as they
 *   are, and <Version> set from package.json;
 * - https dev server with office-addin-dev-certs (never in CI).
 * DEPLOY.md says how the output is hosted and rolled out.
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
 * Where the production build is hosted: CM_ADDIN_URL, an https URL ending in "/", e.g.
 * `CM_ADDIN_URL=https://intranet.example.cn/cm-addin/ npm run build`. A production build
 * without it stops at once (checkAddinUrl) instead of shipping a placeholder.
 */
const urlProd = process.env.CM_ADDIN_URL || null;

/** An Error for a bad build setting: webpack-cli prints its stack, so the stack is the message alone. */
function configError(message) {
  const e = new Error(message);
  e.stack = `Error: ${message}`;
  return e;
}

/** Why `url` cannot be the production URL, or null when it can. */
function addinUrlProblem(url) {
  if (!url) return "CM_ADDIN_URL is not set";
  let u;
  try {
    u = new URL(url);
  } catch {
    return `CM_ADDIN_URL is not a URL: ${url}`;
  }
  if (u.protocol !== "https:")
    return `CM_ADDIN_URL must be an https URL (Office loads add-ins only over https): ${url}`;
  if (!url.endsWith("/")) return `CM_ADDIN_URL must end in "/": ${url}`;
  if (u.search || u.hash) return `CM_ADDIN_URL must not have a query or a fragment: ${url}`;
  return null;
}

/** The production URL, or an Error that says (in Chinese and English) how to set it. */
function checkAddinUrl(url = urlProd) {
  const problem = addinUrlProblem(url);
  if (!problem) return url;
  return configError(
    `生产构建需要加载项的 https 地址（以 / 结尾）— a production build needs the add-in's https URL, ending in "/": ${problem}.\n` +
      `  例 e.g.: CM_ADDIN_URL=https://intranet.example.cn/cm-addin/ npm run build   (DEPLOY.md)`
  );
}

/**
 * Where taskpane.html loads office.js from (CM_OFFICE_JS):
 * - unset or "cdn": Microsoft's CDN, as Microsoft's documentation asks;
 * - "21vianet": the CDN of Office 365 operated by 21Vianet (世纪互联, mainland China tenants);
 * - "local": the copy in the @microsoft/office-js npm package, bundled into dist/office-js/
 *   (air-gapped intranets; that package is no longer supported by Microsoft, its copy is old
 *   and contains Microsoft's telemetry endpoints — DEPLOY.md);
 * - an https URL of office.js on an internal mirror of the CDN.
 */
const OFFICE_JS_CDN = {
  cdn: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
  "21vianet": "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
};

/** { mode, src, origin } for a CM_OFFICE_JS value; throws on a value that is none of the above. */
function officeJsSource(value = process.env.CM_OFFICE_JS) {
  const v = (value || "cdn").trim();
  if (v.toLowerCase() === "local")
    return { mode: "local", src: `${OFFICE_JS_OUT}office.js`, origin: null };
  const cdn = OFFICE_JS_CDN[v.toLowerCase()];
  if (cdn) return { mode: v.toLowerCase(), src: cdn, origin: new URL(cdn).origin };
  let u = null;
  try {
    u = new URL(v);
  } catch {
    // not a URL: reported below
  }
  if (!u || u.protocol !== "https:" || !/\/office\.js$/.test(u.pathname) || u.search || u.hash) {
    throw configError(
      `CM_OFFICE_JS must be cdn, 21vianet, local or the https URL of an office.js (…/office.js): ${v}`
    );
  }
  return { mode: "mirror", src: u.href, origin: u.origin };
}

/**
 * The page's Content-Security-Policy (taskpane.html's meta tag; DEPLOY.md gives the same as a
 * header). Scripts only from this origin and office.js's; no inline or eval'd script. Styles
 * allow 'unsafe-inline': Fluent UI's Griffel inserts <style> elements at run time, and a nonce
 * cannot be used in a static page (it must be new in every response). Requests (fetch, XHR,
 * WebSocket) and workers only to this origin. No frame-ancestors: Excel on the web shows the
 * pane in a frame of its own origin (and a meta tag cannot carry frame-ancestors anyway).
 */
function contentSecurityPolicy(officeJsOrigin) {
  const scripts = ["'self'", ...(officeJsOrigin ? [officeJsOrigin] : [])];
  return [
    "default-src 'self'",
    `script-src ${scripts.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The custom functions files (JSDoc → functions.json). */
const FUNCTION_FILES = [
  "./src/functions/a.ts",
  "./src/functions/b.ts",
  "./src/functions/c.ts",
  "./src/functions/d.ts",
  "./src/functions/next.ts",
  "./src/functions/roster.ts",
];
const FUNCTIONS_JSON = "functions.json";
const FUNCTIONS_JSON_EN = "functions.en-US.json";

/** office.js and the files it loads itself from its own folder (host, locale strings): CM_OFFICE_JS=local. */
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

/**
 * Replaces EVERY occurrence of the dev URL (the template's replace() only did the first) outside
 * XML comments: the manifest's comments stay as written.
 */
function rewriteUrls(text, from = urlDev, to = urlProd) {
  const problem = addinUrlProblem(to);
  if (problem) throw new Error(`${problem} (CM_ADDIN_URL must be an https URL ending in "/")`);
  return outsideComments(text, (part) => part.split(from).join(to));
}

/** Applies `edit` to the text between XML comments, leaving the comments as they are. */
function outsideComments(text, edit) {
  return text
    .split(/(<!--[\s\S]*?-->)/)
    .map((part) => (part.startsWith("<!--") ? part : edit(part)))
    .join("");
}

/** The manifest's four-part <Version> from package.json's version ("1.2.3" → "1.2.3.0"). */
function manifestVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(version));
  if (!m)
    throw new Error(
      `package.json version must be MAJOR.MINOR.PATCH (digits only) for the manifest's <Version>: ${version}`
    );
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** Sets the manifest's (one) <Version> element. */
function setManifestVersion(text, version) {
  const re = /<Version>[^<]*<\/Version>/g;
  let n = 0;
  const out = outsideComments(text, (part) =>
    part.replace(re, () => {
      n += 1;
      return `<Version>${manifestVersion(version)}</Version>`;
    })
  );
  if (n !== 1) throw new Error(`manifest.xml must have exactly one <Version> element (found ${n})`);
  return out;
}

/** dist/manifest.xml: dev URLs → the production URL, <Version> from package.json. */
function productionManifest(text, version, to = urlProd) {
  return setManifestVersion(rewriteUrls(text, urlDev, to), version);
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
      if (!text || !String(text).trim())
        missing.push(`${fn.id}(${p.name}): no English parameter help`);
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
            compilation.errors.push(
              new webpack.WebpackError(`${name}: cannot load src/functions/en.ts: ${e.message}`)
            );
            return;
          }
          const { json, missing, extra } = localizeMetadata(
            asset.source.source().toString(),
            helpEn
          );
          for (const m of missing)
            compilation.errors.push(new webpack.WebpackError(`${FUNCTIONS_JSON_EN}: ${m}`));
          for (const id of extra) {
            compilation.warnings.push(
              new webpack.WebpackError(
                `${FUNCTIONS_JSON_EN}: English help for unknown function ${id}`
              )
            );
          }
          compilation.emitAsset(FUNCTIONS_JSON_EN, new webpack.sources.RawSource(json));
        }
      );
    });
  }
}

/** The offline page's single file (issue 17): everything inlined, opened from a disk or a share. */
const OFFLINE_HTML = "cm-addin-offline.html";
const OFFLINE_TEMPLATE = path.join(__dirname, "src/offline/offline.html");
const OFFLINE_ICON = path.join(__dirname, "assets/icon-32.png");
/** The browsers the page supports (Chromium 86, Firefox ESR): the bundles' syntax stays at ES2020. */
const OFFLINE_ES = "es2020";

/**
 * The offline page's Content-Security-Policy (its meta tag): its one inline script by hash, its
 * worker from a Blob URL, styles inline (Griffel), images from data: URLs, and nothing else —
 * no connect-src (default-src 'none'): the page cannot make a request at all.
 */
function offlineContentSecurityPolicy(scriptHash) {
  return [
    "default-src 'none'",
    `script-src 'sha256-${scriptHash}'`,
    "style-src 'unsafe-inline'",
    "img-src data: blob:",
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
}

/**
 * A script's text made safe inside <script>…</script>: "</script" and "<!--" cannot occur in
 * JavaScript outside strings, template literals, regular expressions and comments, where "<\/"
 * means the same; a "<!--" is refused (it would need another escape).
 */
function inlineScript(js) {
  if (/<!--/.test(js)) throw new Error(`${OFFLINE_HTML}: a bundle contains "<!--"`);
  if (!require("./.ci/downlevel-loader.js").parsesAt2020(js))
    throw new Error(`${OFFLINE_HTML}: a bundle's syntax is newer than ES2020 (Chromium 86)`);
  return (
    js
      .replace(/<\/(script)/gi, "<\\/$1")
      // a lone surrogate (only in strings and regular expressions) would be read as U+FFFD
      .replace(
        /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16)}`
      )
  );
}

/** The offline page from its template (src/offline/offline.html) and the page's bundle. */
function offlineHtml(template, js, iconDataUrl, licenses) {
  const script = inlineScript(js);
  const hash = require("crypto").createHash("sha256").update(script, "utf8").digest("base64");
  const values = {
    contentSecurityPolicy: offlineContentSecurityPolicy(hash),
    icon: iconDataUrl,
    script,
  };
  // the script element's text is exactly the script (a formatter may have put it on its own line)
  const html = template
    .replace(/<script>\s*<%= script %>\s*<\/script>/, "<script><%= script %></script>")
    .replace(/<%= (\w+) %>/g, (m, k) => {
      if (!(k in values)) throw new Error(`${OFFLINE_TEMPLATE}: unknown placeholder ${m}`);
      return values[k];
    });
  // the license comments, each once (the worker and the page share some modules)
  const blocks = [
    ...new Set(
      licenses
        .join("\n\n")
        .split(/\n{2,}/)
        .map((b) => b.trim())
    ),
  ];
  const notice = blocks.some(Boolean)
    ? `<!-- 第三方组件的许可 Third-party licenses:\n${blocks.join("\n\n").replace(/--/g, "- -")}\n-->\n`
    : "";
  const out = html.replace(/^(<!doctype html>\n)/i, (m) => `${m}${notice}`);
  // the script where the browser reads it, as hashed: the template's one <script> element
  const start = notice.length + html.indexOf("<script>") + "<script>".length;
  if (
    !out.startsWith(`<!doctype html>\n${notice}`) ||
    out.slice(start, start + script.length) !== script ||
    !out.startsWith("</script>", start + script.length)
  )
    throw new Error(`${OFFLINE_HTML}: the inlined script is not where it was hashed`);
  return out;
}

/** The worker's bundle, handed from its compilation to the page's (a multi-compiler, in order). */
const offlineWorker = { source: null, licenses: [] };

/** Takes a compilation's one bundle (and its extracted license comments) out of its assets. */
function takeBundle(compilation, name) {
  const asset = compilation.getAsset(name);
  if (!asset) throw new Error(`no ${name} in the compilation`);
  const licenses = [];
  for (const a of compilation.getAssets()) {
    if (a.name.endsWith(".LICENSE.txt")) {
      licenses.push(a.source.source().toString());
      compilation.deleteAsset(a.name);
    }
  }
  const source = asset.source.source().toString();
  compilation.deleteAsset(name);
  return { source, licenses };
}

/** Keeps the worker's bundle in memory (nothing of it is written to dist/). */
class OfflineWorkerPlugin {
  apply(compiler) {
    const name = "OfflineWorkerPlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          try {
            Object.assign(offlineWorker, takeBundle(compilation, "offline-worker.js"));
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(`${name}: ${e.message}`));
          }
        }
      );
    });
  }
}

/** Writes cm-addin-offline.html: the page's bundle (with the worker's inside it) inlined. */
class OfflinePagePlugin {
  apply(compiler) {
    const name = "OfflinePagePlugin";
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.fileDependencies?.add?.(OFFLINE_TEMPLATE);
      compilation.hooks.processAssets.tap(
        { name, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          try {
            const page = takeBundle(compilation, "offline.js");
            const icon = `data:image/png;base64,${fs.readFileSync(OFFLINE_ICON).toString("base64")}`;
            const licenses = [...new Set([...offlineWorker.licenses, ...page.licenses])];
            const html = offlineHtml(
              fs.readFileSync(OFFLINE_TEMPLATE, "utf8"),
              page.source,
              icon,
              licenses
            );
            // minimized: the minimizers leave it as it is (its script's hash is in its CSP)
            compilation.emitAsset(OFFLINE_HTML, new webpack.sources.RawSource(html), {
              minimized: true,
            });
          } catch (e) {
            compilation.errors.push(new webpack.WebpackError(`${name}: ${e.message}`));
          }
        }
      );
    });
  }
}

/**
 * Builds the offline page (its worker, then the page) into the add-in's output folder once the
 * add-in's compilation has written it (so its output.clean has run), with the same mode; its
 * errors become the add-in build's. Not in watch mode (the dev server): `npm run build` or
 * `npm run build:dev` makes the file.
 */
class OfflineBuildPlugin {
  constructor(dev, pkg) {
    this.dev = dev;
    this.pkg = pkg;
  }
  apply(compiler) {
    const name = "OfflineBuildPlugin";
    compiler.hooks.afterEmit.tapPromise(name, async (compilation) => {
      if (compiler.watchMode) return;
      const configs = offlineConfigs(this.dev, this.pkg).map((c) => ({
        ...c,
        mode: compiler.options.mode,
        output: { ...c.output, path: compiler.outputPath },
      }));
      const multi = webpack(configs);
      try {
        const stats = await new Promise((resolve, reject) =>
          multi.run((err, st) => (err ? reject(err) : resolve(st)))
        );
        for (const st of stats.stats) {
          for (const e of st.compilation.errors)
            compilation.errors.push(new webpack.WebpackError(`${OFFLINE_HTML}: ${e.message}`));
        }
        if (!fs.existsSync(path.join(compiler.outputPath, OFFLINE_HTML)))
          compilation.errors.push(new webpack.WebpackError(`${OFFLINE_HTML} was not written`));
      } catch (e) {
        compilation.errors.push(new webpack.WebpackError(`${name}: ${e.message}`));
      } finally {
        await new Promise((resolve) => multi.close(resolve));
      }
    });
  }
}

/** The offline worker's and page's configurations (a multi-compiler: the worker first). */
function offlineConfigs(dev, pkg) {
  const common = {
    devtool: false,
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "es2020", target: "es2020", sourceMap: false },
            },
          },
        },
        // node_modules newer than ES2020 (Fluent's tabster has class static blocks: Chromium 94)
        {
          test: /\.[cm]?js$/,
          include: /node_modules/,
          use: path.resolve(__dirname, ".ci/downlevel-loader.js"),
        },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
  };
  const output = (filename) => ({
    path: path.resolve(__dirname, "dist"),
    filename,
    // one file, nothing loaded later: no chunk to fetch, no public path to find out
    publicPath: "",
    asyncChunks: false,
    clean: false,
  });
  const oneChunk = new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 });
  return [
    {
      ...common,
      name: "offline-worker",
      target: ["webworker", OFFLINE_ES],
      entry: { "offline-worker": "./src/offline/worker.ts" },
      output: output("offline-worker.js"),
      plugins: [oneChunk, new OfflineWorkerPlugin()],
    },
    {
      ...common,
      name: "offline",
      dependencies: ["offline-worker"],
      target: ["web", OFFLINE_ES],
      entry: { offline: "./src/offline/index.tsx" },
      output: output("offline.js"),
      plugins: [
        oneChunk,
        new webpack.DefinePlugin({
          __CM_VERSION__: JSON.stringify(pkg.version),
          __CM_FUNCTIONS__: "null",
          __CM_LOGO__: webpack.DefinePlugin.runtimeValue(
            () =>
              JSON.stringify(
                `data:image/png;base64,${fs.readFileSync(OFFLINE_ICON).toString("base64")}`
              ),
            { fileDependencies: [OFFLINE_ICON] }
          ),
          // the worker's bundle, made by the compiler before this one
          __CM_OFFLINE_WORKER__: webpack.DefinePlugin.runtimeValue(() => {
            if (typeof offlineWorker.source !== "string")
              throw new Error("the offline worker was not built");
            if (!require("./.ci/downlevel-loader.js").parsesAt2020(offlineWorker.source))
              throw new Error("the offline worker's syntax is newer than ES2020 (Chromium 86)");
            return JSON.stringify(offlineWorker.source);
          }, true),
        }),
        new OfflinePagePlugin(),
      ],
    },
  ];
}

module.exports = async (env, options) => {
  const dev = options.mode !== "production";
  const serving = Boolean(env && env.WEBPACK_SERVE);
  const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "package.json"), "utf8"));
  const port = Number(process.env.npm_package_config_dev_server_port || 3000);
  // checked before anything is compiled: a production build needs its URL, and a bad one fails now
  const addinUrl = dev ? null : checkAddinUrl(process.env.CM_ADDIN_URL || null);
  if (addinUrl instanceof Error) throw addinUrl;
  manifestVersion(pkg.version); // a version the manifest cannot carry fails now, not after compiling
  const officeJs = officeJsSource();

  let httpsOptions;
  if (serving && !process.env.CI) {
    // dev only: creates and trusts a localhost certificate the first time (asks for consent)
    httpsOptions = await require("office-addin-dev-certs").getHttpsServerOptions();
  }

  const addin = {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/index.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // production names carry a hash of their content: a new build is a new URL, so a cached
      // old bundle is never used with a new taskpane.html (DEPLOY.md: cache headers)
      filename: dev ? "[name].js" : "[name].[contenthash:16].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:16].js",
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
      // (issue 17) dist/cm-addin-offline.html, built once the add-in is written
      new OfflineBuildPlugin(dev, pkg),
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
        templateParameters: {
          officeJsSrc: officeJs.src,
          contentSecurityPolicy: contentSecurityPolicy(officeJs.origin),
        },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          ...(officeJs.mode !== "local" ? [] : OFFICE_JS_FILES).map((from) => ({
            from,
            context: OFFICE_JS_DIR,
            to: OFFICE_JS_OUT,
            globOptions: { ignore: ["**/*.debug.js"] },
          })),
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev
                ? setManifestVersion(content.toString(), pkg.version)
                : productionManifest(content.toString(), pkg.version, addinUrl),
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
  return addin;
};

module.exports.urlDev = urlDev;
module.exports.OFFLINE_HTML = OFFLINE_HTML;
module.exports.offlineContentSecurityPolicy = offlineContentSecurityPolicy;
module.exports.inlineScript = inlineScript;
module.exports.urlProd = urlProd;
module.exports.rewriteUrls = rewriteUrls;
module.exports.addinUrlProblem = addinUrlProblem;
module.exports.checkAddinUrl = checkAddinUrl;
module.exports.manifestVersion = manifestVersion;
module.exports.setManifestVersion = setManifestVersion;
module.exports.productionManifest = productionManifest;
module.exports.officeJsSource = officeJsSource;
module.exports.OFFICE_JS_CDN = OFFICE_JS_CDN;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.localizeMetadata = localizeMetadata;
module.exports.FUNCTION_FILES = FUNCTION_FILES;
module.exports.OFFICE_JS_OUT = OFFICE_JS_OUT;
module.exports.FUNCTIONS_JSON = FUNCTIONS_JSON;
module.exports.FUNCTIONS_JSON_EN = FUNCTIONS_JSON_EN;
