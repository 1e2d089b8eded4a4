/**
 * @jest-environment jsdom
 */
/**
 * Offline validation of manifest.xml (npm run validate:offline): the online validator of
 * `office-addin-manifest validate` is unreachable here and no XSD ships in any package, so
 * this checks what the Office add-in manifest documentation requires, with the browser's
 * strict XML parser (jsdom's DOMParser).
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

// a production build needs CM_ADDIN_URL (issue 16): a clearly test-only URL unless one is given
process.env.CM_ADDIN_URL ??= "https://cm-addin.invalid/";
const webpackConfig = require("../../webpack.config.js") as {
  (env: Record<string, unknown>, options: { mode: string }): Promise<WebpackConfig>;
  urlDev: string;
  urlProd: string;
  rewriteUrls(text: string, from?: string, to?: string): string;
  FUNCTION_FILES: string[];
  FUNCTIONS_JSON: string;
  FUNCTIONS_JSON_EN: string;
};

interface WebpackConfig {
  entry: Record<string, string>;
  optimization: { runtimeChunk: unknown };
  plugins: {
    constructor: { name: string };
    userOptions?: { filename?: string; chunks?: string[] };
  }[];
}

const ROOT = path.resolve(__dirname, "../..");
const MANIFEST = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const NS_APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const NS_BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const NS_OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const NS_XSI = "http://www.w3.org/2001/XMLSchema-instance";

function parse(xml: string): Document {
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const err = doc.getElementsByTagName("parsererror")[0];
  if (err) throw new Error(`manifest is not well-formed XML: ${err.textContent}`);
  return doc;
}

const doc = parse(MANIFEST);
const root = doc.documentElement;

function kids(el: Element): Element[] {
  return Array.from(el.children);
}

function child(el: Element, name: string): Element {
  const c = kids(el).find((k) => k.localName === name);
  if (!c) throw new Error(`<${el.localName}> has no <${name}>`);
  return c;
}

function all(el: Element | Document, name: string): Element[] {
  return Array.from(el.getElementsByTagNameNS("*", name));
}

/** The children's local names appear in `order` (each at most `repeat` allows) and nothing else. */
function expectOrder(el: Element, order: string[], repeatable: string[] = []): void {
  const names = kids(el).map((k) => k.localName);
  let pos = 0;
  for (const n of names) {
    const i = order.indexOf(n, pos);
    if (i < 0)
      throw new Error(
        `<${el.localName}>: <${n}> is out of order or not allowed (order: ${order.join(", ")}; found: ${names.join(", ")})`
      );
    pos = repeatable.includes(n) ? i : i + 1;
  }
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS_XSI, "type");
}

/** Every resource of the manifest: id → { kind, default value, overrides } */
function resources(
  d: Document
): Map<string, { kind: string; value: string; overrides: Record<string, string> }> {
  const res = all(d, "Resources")[0];
  const out = new Map<string, { kind: string; value: string; overrides: Record<string, string> }>();
  for (const table of kids(res)) {
    for (const item of kids(table)) {
      const id = item.getAttribute("id") ?? "";
      if (out.has(id)) throw new Error(`resource id ${id} is defined twice`);
      const overrides: Record<string, string> = {};
      for (const o of kids(item).filter((k) => k.localName === "Override"))
        overrides[o.getAttribute("Locale") ?? ""] = o.getAttribute("Value") ?? "";
      out.set(id, {
        kind: table.localName,
        value: item.getAttribute("DefaultValue") ?? "",
        overrides,
      });
    }
  }
  return out;
}

const RES = resources(doc);

/** Which resource table each resid-bearing element must point to. */
const RESID_KIND: Record<string, string> = {
  Runtime: "Urls",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Image: "Images",
  Namespace: "ShortStrings",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Description: "LongStrings",
};

function residElements(d: Document): Element[] {
  return all(d, "*").filter((e) => e.hasAttribute("resid"));
}

/** Every URL the manifest declares: attribute values and resource values that look like URLs. */
function urls(d: Document): string[] {
  const out: string[] = [];
  for (const e of all(d, "*")) {
    for (const a of ["DefaultValue", "Value"]) {
      const v = e.getAttribute(a);
      if (v && /^[a-z]+:\/\//i.test(v)) out.push(v);
    }
    if (e.localName === "AppDomain" && e.textContent) out.push(e.textContent.trim());
  }
  return out;
}

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!sig.every((x, i) => b[i] === x) || b.toString("ascii", 12, 16) !== "IHDR")
    throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The file in assets/ that a dev URL points to. */
function assetFile(url: string): string {
  expect(url.startsWith(webpackConfig.urlDev)).toBe(true);
  return path.join(ROOT, url.slice(webpackConfig.urlDev.length));
}

describe("manifest.xml structure", () => {
  test("is a well-formed XML task pane add-in manifest (malformed XML is rejected)", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS_APP);
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(() => parse(MANIFEST.replace("</Hosts>", ""))).toThrow(/well-formed/);
  });

  test("top-level elements in schema order with the required values", () => {
    expectOrder(root, [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "AllowSnapshot",
      "VersionOverrides",
    ]);
    expect(child(root, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
    );
    expect(child(root, "Version").textContent).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, "DefaultLocale").textContent).toBe("zh-CN");
    expect(child(root, "Permissions").textContent).toBe("ReadWriteDocument");
    expect(kids(child(root, "Hosts")).map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
  });

  test("display name and description: Chinese by default, English for en-US, within the length limits", () => {
    for (const [name, max] of [
      ["DisplayName", 125],
      ["Description", 250],
    ] as const) {
      const el = child(root, name);
      const zh = el.getAttribute("DefaultValue") ?? "";
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh.length).toBeLessThanOrEqual(max);
      const en = kids(el).find(
        (k) => k.localName === "Override" && k.getAttribute("Locale")?.toLowerCase() === "en-us"
      );
      expect(en?.getAttribute("Value")).toMatch(/^[\x20-\x7e]+$/);
      expect((en?.getAttribute("Value") ?? "").length).toBeLessThanOrEqual(max);
    }
  });

  test("requirement sets SharedRuntime 1.1 and CustomFunctionsRuntime 1.3", () => {
    const sets = all(child(root, "Requirements"), "Set").map((s) => [
      s.getAttribute("Name"),
      s.getAttribute("MinVersion"),
    ]);
    expect(sets).toEqual(
      expect.arrayContaining([
        ["SharedRuntime", "1.1"],
        ["CustomFunctionsRuntime", "1.3"],
      ])
    );
  });

  test("VersionOverrides: element order of the schema", () => {
    const vo = child(root, "VersionOverrides");
    expect(vo.namespaceURI).toBe(NS_OV);
    expect(xsiType(vo)).toBe("VersionOverridesV1_0");
    expectOrder(vo, [
      "Description",
      "Requirements",
      "Hosts",
      "Resources",
      "EquivalentAddins",
      "WebApplicationInfo",
    ]);
    const host = child(child(vo, "Hosts"), "Host");
    expect(xsiType(host)).toBe("Workbook");
    expectOrder(host, ["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
    const cf = all(host, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expectOrder(cf, ["Script", "Page", "Metadata", "Namespace"]);
    const desktop = child(host, "DesktopFormFactor");
    expectOrder(desktop, ["GetStarted", "FunctionFile", "ExtensionPoint"], ["ExtensionPoint"]);
    expectOrder(child(desktop, "GetStarted"), ["Title", "Description", "LearnMoreUrl"]);
    for (const g of all(desktop, "Group"))
      expectOrder(g, ["Label", "Icon", "Control"], ["Control"]);
    for (const c of all(desktop, "Control"))
      expectOrder(c, ["Label", "Supertip", "Icon", "Action"]);
    for (const s of all(desktop, "Supertip")) expectOrder(s, ["Title", "Description"]);
    expectOrder(child(vo, "Resources"), ["Images", "Urls", "ShortStrings", "LongStrings"]);
    for (const t of kids(child(vo, "Resources"))) expect(t.namespaceURI).toBe(NS_BT);
  });

  test("every resid is defined in the right resource table and is at most 32 characters", () => {
    const refs = residElements(doc);
    expect(refs.length).toBeGreaterThan(10);
    for (const e of refs) {
      const id = e.getAttribute("resid")!;
      const r = RES.get(id);
      if (!r) throw new Error(`<${e.localName} resid="${id}"> refers to no resource`);
      expect(id.length).toBeLessThanOrEqual(32);
      expect(r.kind).toBe(RESID_KIND[e.localName]);
    }
    for (const id of RES.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  test("short strings ≤ 125 and long strings ≤ 250 characters, each with an en-US text", () => {
    for (const [id, r] of RES) {
      if (r.kind !== "ShortStrings" && r.kind !== "LongStrings") continue;
      const max = r.kind === "ShortStrings" ? 125 : 250;
      for (const v of [r.value, ...Object.values(r.overrides)])
        expect(v.length).toBeLessThanOrEqual(max);
      if (id === "Functions.Namespace") continue;
      expect(r.value).toMatch(/[\u4e00-\u9fff]/);
      expect(r.overrides["en-US"]).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  test("one shared runtime: the same resid for the runtime, functions script and page, function file and task pane", () => {
    const runtimes = all(doc, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeId = runtimes[0].getAttribute("resid")!;
    const users = [
      ...all(doc, "SourceLocation").filter(
        (e) => e.hasAttribute("resid") && e.parentElement?.localName !== "Metadata"
      ),
      ...all(doc, "FunctionFile"),
    ];
    expect(users.length).toBeGreaterThanOrEqual(4);
    for (const u of users)
      expect(`${u.parentElement?.localName}/${u.localName}=${u.getAttribute("resid")}`).toBe(
        `${u.parentElement?.localName}/${u.localName}=${runtimeId}`
      );
    const defaultPage = child(child(root, "DefaultSettings"), "SourceLocation").getAttribute(
      "DefaultValue"
    );
    expect(defaultPage).toBe(RES.get(runtimeId)!.value);
  });

  test("custom functions: namespace CM, zh-CN metadata by default, en-US metadata for English Excel", () => {
    const cf = all(doc, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;
    expect(RES.get(child(cf, "Namespace").getAttribute("resid")!)!.value).toBe("CM");
    const meta = RES.get(child(child(cf, "Metadata"), "SourceLocation").getAttribute("resid")!)!;
    expect(meta.value).toBe(`${webpackConfig.urlDev}${webpackConfig.FUNCTIONS_JSON}`);
    expect(meta.overrides["en-US"]).toBe(
      `${webpackConfig.urlDev}${webpackConfig.FUNCTIONS_JSON_EN}`
    );
  });

  test("icons exist in assets/ with the declared pixel sizes", () => {
    const declared: [string, number][] = [
      [child(root, "IconUrl").getAttribute("DefaultValue")!, 32],
      [child(root, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64],
    ];
    for (const [id, r] of RES) {
      if (r.kind !== "Images") continue;
      const m = /(\d+)x(\d+)$/.exec(id);
      if (!m) throw new Error(`image id ${id} does not state its size`);
      declared.push([r.value, Number(m[1])]);
    }
    for (const img of all(doc, "Image").filter((e) => e.hasAttribute("size"))) {
      const r = RES.get(img.getAttribute("resid")!)!;
      declared.push([r.value, Number(img.getAttribute("size"))]);
    }
    const sizes = new Set<number>();
    for (const [url, size] of declared) {
      const file = assetFile(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
      sizes.add(size);
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([16, 32, 64, 80]);
  });

  test("every URL is https and on the dev server", () => {
    const list = urls(doc);
    expect(list.length).toBeGreaterThanOrEqual(10);
    for (const u of list) expect(u.startsWith(webpackConfig.urlDev)).toBe(true);
  });
});

describe("production manifest (the build's URL rewrite)", () => {
  const prodXml = webpackConfig.rewriteUrls(MANIFEST);
  const prod = parse(prodXml);

  test("rewrites every occurrence, leaving no localhost", () => {
    // issue 16: comments are left as written (they name the dev URL); nothing else is localhost
    expect(prodXml.replace(/<!--[\s\S]*?-->/g, "")).not.toMatch(/localhost/i);
    const devUrls = urls(doc);
    const prodUrls = urls(prod);
    expect(prodUrls).toHaveLength(devUrls.length);
    for (const u of prodUrls) {
      expect(u.startsWith("https://")).toBe(true);
      expect(u.startsWith(webpackConfig.urlProd)).toBe(true);
    }
    expect(prodUrls).toEqual(
      devUrls.map((u) => webpackConfig.urlProd + u.slice(webpackConfig.urlDev.length))
    );
  });

  test("refuses a production URL that is not https or does not end in /", () => {
    expect(() =>
      webpackConfig.rewriteUrls(MANIFEST, webpackConfig.urlDev, "http://intranet/cm/")
    ).toThrow(/https/);
    expect(() =>
      webpackConfig.rewriteUrls(MANIFEST, webpackConfig.urlDev, "https://intranet/cm")
    ).toThrow(/https/);
  });
});

describe("build configuration", () => {
  test("one taskpane.html carries the task pane and the functions, sharing one runtime", async () => {
    const cfg = await webpackConfig({}, { mode: "production" });
    expect(Object.keys(cfg.entry).sort()).toEqual(["functions", "taskpane"]);
    expect(cfg.entry.functions).toBe("./src/functions/index.ts");
    expect(cfg.optimization.runtimeChunk).toBe("single");
    const html = cfg.plugins.filter((p) => p.constructor.name === "HtmlWebpackPlugin");
    expect(html).toHaveLength(1);
    expect(html[0].userOptions?.filename).toBe("taskpane.html");
    expect(html[0].userOptions?.chunks?.slice().sort()).toEqual(["functions", "taskpane"]);
    const template = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
    // issue 16: office.js's source and the CSP are build parameters (Microsoft's CDN by default)
    expect(template).toMatch(/<script[^>]+src="<%= officeJsSrc %>"/);
    expect(template).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="<%= contentSecurityPolicy %>"/
    );
    expect(template).not.toMatch(/https?:\/\//);
  });
});

describe("functions metadata matches the code", () => {
  const files = webpackConfig.FUNCTION_FILES.map((f) => path.join(ROOT, f));
  let result: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  beforeAll(async () => {
    result = await generateCustomFunctionsMetadata(files, true);
  });

  test("generates without errors, ids and names unique", () => {
    expect(result.errors).toEqual([]);
    const fns = JSON.parse(result.metadataJson).functions as { id: string; name: string }[];
    expect(fns.length).toBeGreaterThan(0);
    expect(new Set(fns.map((f) => f.id)).size).toBe(fns.length);
    expect(new Set(fns.map((f) => f.name.toUpperCase())).size).toBe(fns.length);
  });

  test("every function id is associated with a function declared in its source file, and every @customfunction is in the metadata", () => {
    const fns = JSON.parse(result.metadataJson).functions as { id: string }[];
    const byId = new Map(result.associate.map((a) => [a.id, a]));
    for (const f of fns) {
      const a = byId.get(f.id);
      if (!a) throw new Error(`function ${f.id} has no implementation associated`);
      const src = fs.readFileSync(a.sourceFileName, "utf8");
      expect(src).toMatch(
        new RegExp(
          `\\b(function\\s+${a.functionName}\\b|(const|let|var)\\s+${a.functionName}\\s*[=:])`
        )
      );
    }
    const tagged = files.reduce(
      (n, f) => n + (fs.readFileSync(f, "utf8").match(/^\s*\*\s*@customfunction\b/gm) ?? []).length,
      0
    );
    expect(fns).toHaveLength(tagged);
  });
});
