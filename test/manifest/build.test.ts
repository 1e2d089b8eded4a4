/**
 * The production build's settings (issue 16): CM_ADDIN_URL required and checked before
 * compiling, the manifest's comments and <Version>, where office.js comes from (CM_OFFICE_JS),
 * the Content-Security-Policy, content-hashed bundle names.
 */
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  version: string;
};

interface Cfg {
  output: { filename: string; chunkFilename: string };
  plugins: {
    constructor: { name: string };
    userOptions?: Record<string, unknown>;
    patterns?: { from: string; to?: string }[];
  }[];
}
type Config = {
  (env: Record<string, unknown>, options: { mode: string }): Promise<Cfg>;
  urlDev: string;
  addinUrlProblem(url: string | null): string | null;
  rewriteUrls(text: string, from?: string, to?: string): string;
  manifestVersion(v: string): string;
  productionManifest(text: string, version: string, to?: string): string;
  officeJsSource(v?: string): { mode: string; src: string; origin: string | null };
  OFFICE_JS_CDN: Record<string, string>;
  contentSecurityPolicy(origin: string | null): string;
};

const saved = { url: process.env.CM_ADDIN_URL, js: process.env.CM_OFFICE_JS };
afterEach(() => {
  for (const [k, v] of [
    ["CM_ADDIN_URL", saved.url],
    ["CM_OFFICE_JS", saved.js],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** The config module loaded fresh (it reads CM_ADDIN_URL when loaded). */
function load(env: { CM_ADDIN_URL?: string; CM_OFFICE_JS?: string } = {}): Config {
  for (const k of ["CM_ADDIN_URL", "CM_OFFICE_JS"] as const) {
    if (env[k] === undefined) delete process.env[k];
    else process.env[k] = env[k];
  }
  let mod: Config | undefined;
  jest.isolateModules(() => {
    mod = require("../../webpack.config.js") as Config;
  });
  return mod as Config;
}

function htmlPlugin(cfg: Cfg) {
  const p = cfg.plugins.find((x) => x.constructor.name === "HtmlWebpackPlugin");
  if (!p) throw new Error("no HtmlWebpackPlugin");
  return p.userOptions as {
    templateParameters: { officeJsSrc: string; contentSecurityPolicy: string };
  };
}

function copied(cfg: Cfg): string[] {
  const p = cfg.plugins.find((x) => x.constructor.name === "CopyPlugin") as
    { patterns: { from: string; to?: string }[] } | undefined;
  if (!p) throw new Error("no CopyPlugin");
  return p.patterns.map((x) => `${x.from} -> ${x.to ?? ""}`);
}

describe("CM_ADDIN_URL: required for a production build, https only, checked before compiling", () => {
  test("a production config without it is refused at once, saying how to set it", async () => {
    const cfg = load({});
    await expect(cfg({}, { mode: "production" })).rejects.toThrow(
      /CM_ADDIN_URL is not set[\s\S]*CM_ADDIN_URL=https:\/\//
    );
  });

  test.each([
    ["http://intranet.example.cn/cm/", /https/],
    ["https://intranet.example.cn/cm", /end in "\/"/],
    ["intranet.example.cn/cm/", /not a URL/],
    ["https://intranet.example.cn/cm/?v=/", /query/],
  ])("%s is refused before compiling", async (url, why) => {
    await expect(load({ CM_ADDIN_URL: url })({}, { mode: "production" })).rejects.toThrow(why);
  });

  test("a development config needs no URL (the dev server is https://localhost:3000/)", async () => {
    await expect(load({})({}, { mode: "development" })).resolves.toBeDefined();
  });

  test("an https URL ending in / is accepted", () => {
    const cfg = load({});
    expect(cfg.addinUrlProblem("https://oa.bank.example.cn/cm-addin/")).toBeNull();
    expect(cfg.addinUrlProblem("https://10.1.2.3:8443/")).toBeNull();
  });
});

describe("dist/manifest.xml", () => {
  const cfg = load({});
  const to = "https://oa.bank.example.cn/cm-addin/";
  const prod = cfg.productionManifest(MANIFEST, "2.13.4", to);
  const comments = (xml: string) => xml.match(/<!--[\s\S]*?-->/g) ?? [];

  test("comments are left as written; every URL outside them is rewritten", () => {
    expect(comments(MANIFEST).length).toBeGreaterThan(0);
    expect(comments(prod)).toEqual(comments(MANIFEST));
    const body = prod.replace(/<!--[\s\S]*?-->/g, "");
    expect(body).not.toContain(cfg.urlDev);
    expect(body.split(to).length - 1).toBe(
      MANIFEST.replace(/<!--[\s\S]*?-->/g, "").split(cfg.urlDev).length - 1
    );
  });

  test("<Version> is package.json's version with a fourth part", () => {
    expect(prod).toMatch(/<Version>2\.13\.4\.0<\/Version>/);
    expect(prod.replace(/<!--[\s\S]*?-->/g, "").match(/<Version>/g)).toHaveLength(1);
    expect(cfg.manifestVersion(PKG.version)).toBe(`${PKG.version}.0`);
  });

  test("a version the manifest cannot carry is refused", () => {
    expect(() => cfg.manifestVersion("1.2.3-beta.1")).toThrow(/MAJOR\.MINOR\.PATCH/);
    expect(() => cfg.manifestVersion("1.2")).toThrow(/MAJOR\.MINOR\.PATCH/);
  });

  test("a dev URL inside a comment stays; one outside is rewritten", () => {
    const xml = `<!-- see ${cfg.urlDev}x --><a href="${cfg.urlDev}b"/><!--${cfg.urlDev}-->`;
    expect(cfg.rewriteUrls(xml, cfg.urlDev, to)).toBe(
      `<!-- see ${cfg.urlDev}x --><a href="${to}b"/><!--${cfg.urlDev}-->`
    );
  });
});

describe("office.js source (CM_OFFICE_JS)", () => {
  const cfg = load({});
  test("default and cdn: Microsoft's CDN", () => {
    expect(cfg.officeJsSource(undefined)).toEqual({
      mode: "cdn",
      src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      origin: "https://appsforoffice.microsoft.com",
    });
    expect(cfg.officeJsSource("cdn")).toEqual(cfg.officeJsSource(""));
  });
  test("21vianet: the CDN of Office 365 operated by 21Vianet", () => {
    expect(cfg.officeJsSource("21Vianet")).toEqual({
      mode: "21vianet",
      src: "https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js",
      origin: "https://appsforoffice.cdn.partner.office365.cn",
    });
  });
  test("local: the npm package's copy, from the add-in's own origin", () => {
    expect(cfg.officeJsSource("local")).toEqual({
      mode: "local",
      src: "office-js/office.js",
      origin: null,
    });
  });
  test("an https mirror URL", () => {
    expect(
      cfg.officeJsSource("https://mirror.bank.example.cn/officejs/lib/1/hosted/office.js")
    ).toEqual({
      mode: "mirror",
      src: "https://mirror.bank.example.cn/officejs/lib/1/hosted/office.js",
      origin: "https://mirror.bank.example.cn",
    });
  });
  test.each([
    "http://mirror.example.cn/office.js",
    "https://mirror.example.cn/office.debug.js",
    "https://mirror.example.cn/",
    "office.js",
    "bundle",
  ])("%s is refused", (v) => {
    expect(() => cfg.officeJsSource(v)).toThrow(/CM_OFFICE_JS must be/);
  });

  test("the build puts the chosen office.js in taskpane.html and copies the npm files only for local", async () => {
    const url = "https://cm-addin.invalid/";
    const cdn = await load({ CM_ADDIN_URL: url })({}, { mode: "production" });
    expect(htmlPlugin(cdn).templateParameters.officeJsSrc).toBe(cfg.OFFICE_JS_CDN.cdn);
    expect(copied(cdn).some((p) => p.includes("office-js/"))).toBe(false);
    const local = await load({ CM_ADDIN_URL: url, CM_OFFICE_JS: "local" })(
      {},
      { mode: "production" }
    );
    expect(htmlPlugin(local).templateParameters.officeJsSrc).toBe("office-js/office.js");
    expect(copied(local)).toEqual(
      expect.arrayContaining([
        "office.js -> office-js/",
        "o15apptofilemappingtable.js -> office-js/",
      ])
    );
    await expect(
      load({ CM_ADDIN_URL: url, CM_OFFICE_JS: "nope" })({}, { mode: "production" })
    ).rejects.toThrow(/CM_OFFICE_JS/);
  });
});

describe("Content-Security-Policy", () => {
  const cfg = load({});
  const directives = (csp: string) =>
    new Map(
      csp
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v])
    );

  test("scripts only from this origin and office.js's; nothing inline or eval'd", () => {
    const d = directives(cfg.contentSecurityPolicy("https://appsforoffice.microsoft.com"));
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives(cfg.contentSecurityPolicy(null)).get("script-src")).toEqual(["'self'"]);
    const all = [...d.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(d.get("script-src")).not.toContain("'unsafe-inline'");
  });

  test("requests and workers only to this origin; no frame-ancestors (Excel on the web frames the pane)", () => {
    const d = directives(cfg.contentSecurityPolicy("https://appsforoffice.microsoft.com"));
    expect(d.get("connect-src")).toEqual(["'self'"]);
    expect(d.get("worker-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.has("frame-ancestors")).toBe(false);
    // Fluent UI (Griffel) inserts <style> at run time: styles may be inline, scripts may not
    expect(d.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  test("the production config passes the policy for its office.js to taskpane.html", async () => {
    const c = await load({ CM_ADDIN_URL: "https://cm-addin.invalid/", CM_OFFICE_JS: "21vianet" })(
      {},
      { mode: "production" }
    );
    expect(htmlPlugin(c).templateParameters.contentSecurityPolicy).toBe(
      cfg.contentSecurityPolicy("https://appsforoffice.cdn.partner.office365.cn")
    );
  });
});

describe("bundle names", () => {
  test("production names carry a content hash (chunks too); development names do not", async () => {
    const prod = await load({ CM_ADDIN_URL: "https://cm-addin.invalid/" })(
      {},
      { mode: "production" }
    );
    expect(prod.output.filename).toMatch(/\[contenthash(:\d+)?\]/);
    expect(prod.output.chunkFilename).toMatch(/\[contenthash(:\d+)?\]/);
    const dev = await load({})({}, { mode: "development" });
    expect(dev.output.filename).toBe("[name].js");
  });
});
