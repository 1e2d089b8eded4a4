/**
 * The offline page's pieces that need no browser: the row keys of its result tables (as the
 * pane's explanation panel keys them), the inlining of its script (webpack.config.js) and the
 * ES2020 check of its bundles (.ci/downlevel-loader.js).
 */
import { rowKey } from "../../src/offline/explained";
import { buyoutKey } from "../../src/summary/buyout";

const webpackConfig = require("../../webpack.config.js") as {
  inlineScript(js: string): string;
  offlineContentSecurityPolicy(hash: string): string;
};
const { parsesAt2020 } = require("../../.ci/downlevel-loader.js") as {
  parsesAt2020(s: string): boolean;
};

describe("rowKey", () => {
  const headers = ["员工号", "姓名", "贷款编号", "金额"];
  test("等级汇总: the employee id", () => {
    expect(rowKey("grades", headers, [" 6201002 ", "张三", null, 1])).toBe("6201002");
  });
  test("退休买断: employee and loan, the totals row too", () => {
    expect(rowKey("buyout", headers, ["6201002", "张三", "L-9", 1])).toBe(
      buyoutKey("6201002", "L-9")
    );
    expect(rowKey("buyout", headers, ["6201002", "", "合计", 3])).toBe("6201002|合计");
  });
  test("no key: no employee, no loan, another summary", () => {
    expect(rowKey("grades", headers, [null, "张三", null, 1])).toBeNull();
    expect(rowKey("buyout", headers, ["6201002", "张三", "", 1])).toBeNull();
    expect(rowKey("bottom", headers, ["6201002", "张三", "L-9", 1])).toBeNull();
  });
});

describe("the inlined script", () => {
  test("</script> and lone surrogates are escaped; pairs and the rest stay", () => {
    const js = 'a="</script>";b="\ud800";c="\udc00x";d="😀";e=/<\\/SCRIPT>/';
    const out = webpackConfig.inlineScript(js);
    expect(out).toBe('a="<\\/script>";b="\\ud800";c="\\udc00x";d="😀";e=/<\\/SCRIPT>/');
    expect(out).not.toMatch(/<\/script/i);
    // the same values when run
    const run = (s: string) => new Function(`${s}; return [a, b, c, d];`)() as string[];
    expect(run(out)).toEqual(run(js));
  });
  test('"<!--" and syntax newer than ES2020 are refused', () => {
    expect(() => webpackConfig.inlineScript('a="<!--"')).toThrow(/<!--/);
    expect(() => webpackConfig.inlineScript("class A { static { this.x = 1; } }")).toThrow(
      /ES2020/
    );
    expect(() => webpackConfig.inlineScript("a ??= 1")).toThrow(/ES2020/);
  });
  test("ES2020 parses (optional chaining, ??, BigInt, dynamic import), modules and scripts", () => {
    expect(parsesAt2020("const x = a?.b ?? 1n; import('x');")).toBe(true);
    expect(parsesAt2020("export const x = 1;")).toBe(true);
    expect(parsesAt2020("with (a) { b = 1; }")).toBe(true);
    expect(parsesAt2020("class A { #x = 1; }")).toBe(false);
  });
  test("the CSP: nothing but its script by hash, its blob: worker, inline styles, data: images", () => {
    const csp = webpackConfig.offlineContentSecurityPolicy("abc=");
    expect(csp.split("; ")).toEqual([
      "default-src 'none'",
      "script-src 'sha256-abc='",
      "style-src 'unsafe-inline'",
      "img-src data: blob:",
      "worker-src blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ]);
  });
});
