/**
 * The task pane under its own Content-Security-Policy (issue 16; taskpane.html's meta tag,
 * webpack.config.js contentSecurityPolicy): everything a user does — every page, 校验 and its
 * highlighting, 汇总 生成, a policy edit saved to the sheet, the language switch, the custom
 * functions — runs with no CSP violation and no CSP message on the console. (The other browser
 * suites run under the same policy; this one walks the whole pane and checks only that.)
 */
import { openPane, Pane } from "./support/harness";
import { describeBrowser, sampleWorkbookSeed, useSuite } from "./support/suite";

const CSP_MESSAGE = /Content Security Policy|Content-Security-Policy/i;

describeBrowser("the task pane under its Content-Security-Policy", () => {
  const suite = useSuite();
  let pane: Pane;

  beforeAll(async () => {
    pane = await openPane(suite(), await sampleWorkbookSeed());
  }, 60_000);
  afterAll(async () => {
    await pane?.close();
  });

  async function noViolations() {
    await pane.cspReported();
    expect(pane.cspViolations).toEqual([]);
    expect(pane.consoleErrors.filter((m) => CSP_MESSAGE.test(m))).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
    expect(pane.foreignRequests).toEqual([]);
  }

  test("the page carries the policy: scripts from itself and office.js's origin, nothing inline", async () => {
    const csp = await pane.page.getAttribute(
      'meta[http-equiv="Content-Security-Policy"]',
      "content"
    );
    expect(csp).toMatch(/default-src 'self'/);
    const script = /script-src ([^;]*)/
      .exec(csp ?? "")?.[1]
      .trim()
      .split(/\s+/);
    expect(script?.[0]).toBe("'self'");
    expect(script?.slice(1).every((s) => /^https:\/\/[^/]+$/.test(s))).toBe(true);
    expect(csp).not.toMatch(/unsafe-eval/);
    expect(csp).toMatch(/worker-src 'self'/);
    // the policy is enforced: an inline script is refused (and reported)
    const ran = await pane.page.evaluate(() => {
      const s = document.createElement("script");
      s.textContent = "window.__inlineRan = true";
      document.head.appendChild(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await pane.cspReported();
    expect(pane.cspViolations.map((v) => v.split(" ")[0])).toEqual(["script-src-elem"]);
    pane.cspViolations.length = 0;
    pane.consoleErrors.length = 0;
  });

  test("校验, highlighting and its export: nothing blocked", async () => {
    const page = pane.page;
    await page.getByRole("tab", { name: "校验", exact: true }).click();
    await page.getByRole("button", { name: "校验整个工作簿" }).click();
    await page.getByRole("status", { name: "问题数" }).waitFor({ timeout: 60_000 });
    await page.locator("main li button[title]").first().click();
    await noViolations();
  });

  test("汇总 生成: nothing blocked", async () => {
    const page = pane.page;
    await page.getByRole("tab", { name: "汇总", exact: true }).click();
    await page.waitForFunction(
      () => document.querySelectorAll('main fieldset input[type="checkbox"]:checked').length > 0,
      undefined,
      { timeout: 60_000 }
    );
    await page.getByRole("button", { name: "生成", exact: true }).click();
    await page.getByText(/已生成 \d+ 张汇总表/).waitFor({ timeout: 120_000 });
    await noViolations();
  });

  test("政策参数 edited and saved, 帮助, the language switch: nothing blocked", async () => {
    const page = pane.page;
    await page.getByRole("tab", { name: "政策参数", exact: true }).click();
    await page.getByRole("heading", { name: "政策参数", exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole("searchbox", { name: "搜索参数" }).fill("一级最低总分");
    await page.getByRole("textbox", { name: "一级最低总分" }).fill("80");
    await page.getByRole("button", { name: "保存到工作表" }).click();
    await page.getByText(/已写入“政策参数”工作表/).waitFor({ timeout: 30_000 });
    await page.getByRole("tab", { name: "帮助", exact: true }).click();
    await page.locator("main h2").first().waitFor({ state: "visible" });
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("tab", { name: "Validate" }).waitFor();
    await page.getByRole("button", { name: "中文" }).click();
    await page.getByRole("tab", { name: "校验" }).waitFor();
    await noViolations();
  });

  test("the custom functions compute in the page: nothing blocked", async () => {
    const r = await pane.page.evaluate(() => (window as any).__fakeHost.associated.GRADE(89.995));
    expect(r).toBe("一级");
    await noViolations();
  });
});
