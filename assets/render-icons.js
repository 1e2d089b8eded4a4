// Renders (run by hand: node assets/render-icons.js; needs Debian chromium). Renders assets/icon.svg (32/64/80 px) and assets/icon-small.svg (16 px) to PNG with Chromium.
const { chromium } = require("playwright-core");
const fs = require("fs");
const path = require("path");
(async () => {
  const dir = __dirname;
  const browser = await chromium.launch({ executablePath: "/usr/lib/chromium/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const [size, file] of [[16, "icon-small.svg"], [32, "icon.svg"], [64, "icon.svg"], [80, "icon.svg"]]) {
    const svg = fs.readFileSync(path.join(dir, file), "utf8").replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: path.join(dir, `icon-${size}.png`), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
  // a large preview for checking the design
  await page.setViewportSize({ width: 320, height: 100 });
  const big = fs.readFileSync(path.join(dir, "icon.svg"), "utf8").replace(/width="\d+" height="\d+"/, 'width="80" height="80"');
  const imgs = [16, 32, 64, 80].map((s) => `<img src="file://${dir}/icon-${s}.png" style="margin:4px">`).join("");
  await page.setContent(`<html><body style="margin:0;background:#f3f3f3">${imgs}</body></html>`);
  await page.screenshot({ path: path.join(require("os").tmpdir(), "cm-addin-icons-preview.png") });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
