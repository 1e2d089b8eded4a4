/**
 * The offline page's engine (src/offline/engine.ts) on bytes: refused files get the CLI's
 * messages.
 */
import { inspectBytes, outputName } from "../../src/offline/engine";
import { MESSAGES } from "../../src/cli/xlsx/detect";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("refused files", () => {
  test("empty, text, .xls: the CLI's messages", async () => {
    expect(await inspectBytes(new Uint8Array(0), "a.xlsx")).toEqual({
      ok: false,
      message: "文件为空（empty file）",
      line: "无法读取 a.xlsx：文件为空（empty file）",
    });
    const csv = new TextEncoder().encode("员工号,姓名\n1,张三\n");
    expect(await inspectBytes(csv, "a.xlsx")).toMatchObject({ ok: false, message: MESSAGES.csv });
    const xls = new Uint8Array(512);
    xls.set(OLE);
    expect(await inspectBytes(xls, "old.xls")).toMatchObject({ ok: false, message: MESSAGES.xls });
  });
});

test("output name", () => {
  expect(outputName("台账.xlsx")).toBe("台账-汇总.xlsx");
  expect(outputName("C:\\\\x\\\\Book.XLSX")).toBe("Book-汇总.xlsx");
});
