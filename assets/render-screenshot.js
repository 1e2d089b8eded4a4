// Screenshot of the built task pane for the README (run by hand after `npm run build`:
//   node assets/render-screenshot.js; needs Debian chromium and a CJK font, fonts-noto-cjk).
// Serves dist/ on 127.0.0.1, replaces office.js with a tiny fake Office host (host Excel),
// refuses every request that leaves 127.0.0.1, opens the help page and expands CM.GRADE.
"use strict";
const http = require("http");
const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const DIST = path.join(__dirname, "..", "dist");
const OUT = path.join(__dirname, "screenshots");
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png" };
const FAKE_OFFICE = `
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady: function (cb) { var info = { host: "Excel", platform: "PC" }; if (cb) cb(info); return Promise.resolve(info); }
  };
  window.CustomFunctions = { associate: function () {} };
`;

function serve() {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname).replace(/^\/+/, "");
    const file = path.join(DIST, rel || "taskpane.html");
    if (!file.startsWith(DIST) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function shoot(page, base, { hash, lang, expand, file }) {
  await page.goto(`${base}/taskpane.html${hash}`);
  await page.evaluate((l) => localStorage.setItem("cm-addin.lang", l), lang);
  await page.reload();
  await page.getByRole("tablist").waitFor();
  if (expand) await page.getByRole("button", { name: expand, exact: true }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(OUT, file) });
}

(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run npm run build first");
  fs.mkdirSync(OUT, { recursive: true });
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: "/usr/lib/chromium/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await browser.newPage({ viewport: { width: 380, height: 760 }, deviceScaleFactor: 2 });
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== "127.0.0.1") return route.abort();
    if (url.pathname.endsWith("/office-js/office.js")) return route.fulfill({ contentType: "text/javascript", body: FAKE_OFFICE });
    return route.continue();
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await shoot(page, base, { hash: "#help", lang: "zh", expand: "CM.GRADE", file: "taskpane.png" });
  await shoot(page, base, { hash: "#help", lang: "en", expand: null, file: "taskpane-en.png" });
  await browser.close();
  server.close();
  if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
