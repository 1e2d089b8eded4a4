import {
  legalSheetName,
  uniqueSheetName,
  uniqueSheetNames,
  MAX_SHEET_NAME,
} from "../../src/summary/naming";

describe("uniqueSheetName", () => {
  it("keeps a free name as it is", () => {
    expect(uniqueSheetName("等级汇总", ["客户经理", "贷款台账"])).toBe("等级汇总");
  });

  it("adds (2), (3) … when the name is taken, case-insensitively", () => {
    expect(uniqueSheetName("等级汇总", ["等级汇总"])).toBe("等级汇总 (2)");
    expect(uniqueSheetName("等级汇总", ["等级汇总", "等级汇总 (2)"])).toBe("等级汇总 (3)");
    expect(uniqueSheetName("Summary", ["SUMMARY"])).toBe("Summary (2)");
    expect(uniqueSheetName("summary", new Set(["Summary", "summary (2)"]))).toBe("summary (3)");
  });

  it("works with any iterable, including a generator", () => {
    function* names() {
      yield "A";
      yield "a (2)";
    }
    expect(uniqueSheetName("A", names())).toBe("A (3)");
  });

  it("replaces the characters Excel forbids and trims", () => {
    expect(legalSheetName(" 退休:买断/2025?*[x]\\ ")).toBe("退休_买断_2025___x__");
    expect(uniqueSheetName("a:b", ["a_b"])).toBe("a_b (2)");
  });

  it("never returns a blank name", () => {
    expect(uniqueSheetName("   ", [])).toBe("工作表");
    expect(uniqueSheetName("", ["工作表"])).toBe("工作表 (2)");
    expect(uniqueSheetName("''", [])).toBe("工作表");
  });

  it("drops apostrophes at either end and control characters", () => {
    expect(legalSheetName("'名单'")).toBe("名单");
    expect(legalSheetName("a\tb\nc")).toBe("abc");
  });

  it("treats History as reserved", () => {
    expect(uniqueSheetName("history", [])).toBe("history (2)");
  });

  it("keeps within 31 characters, trimming the base for the suffix", () => {
    const long = "客户经理等级考核汇总表".repeat(4); // 44 characters
    const first = uniqueSheetName(long, []);
    expect(first).toBe(long.slice(0, 31));
    const second = uniqueSheetName(long, [first]);
    expect(second).toBe(long.slice(0, 27) + " (2)");
    expect(second.length).toBe(MAX_SHEET_NAME);
    const many = [first, second];
    for (let i = 3; i <= 10; i++) many.push(uniqueSheetName(long, many));
    expect(many[8]).toBe(long.slice(0, 27) + " (9)");
    expect(many[9]).toBe(long.slice(0, 26) + " (10)");
    for (const n of many) expect(n.length).toBe(MAX_SHEET_NAME);
  });

  it("does not split a surrogate pair when cutting", () => {
    const name = "a".repeat(30) + "😀";
    expect(legalSheetName(name)).toBe("a".repeat(30));
  });

  it("does not leave a space before the suffix doubled", () => {
    const base = "x".repeat(26) + " y" + "zzz"; // the cut for " (2)" lands after the space
    expect(uniqueSheetName(base, [base])).toBe("x".repeat(26) + " (2)");
  });

  it("is unique against everything it is given, over many calls", () => {
    const taken: string[] = [];
    for (let i = 0; i < 50; i++) taken.push(uniqueSheetName("汇总", taken));
    expect(new Set(taken.map((t) => t.toUpperCase())).size).toBe(50);
    expect(taken[49]).toBe("汇总 (50)");
  });
});

describe("uniqueSheetNames", () => {
  it("names several sheets against the existing ones and each other", () => {
    expect(uniqueSheetNames(["等级汇总", "等级汇总", "末位名单"], ["等级汇总"])).toEqual([
      "等级汇总 (2)",
      "等级汇总 (3)",
      "末位名单",
    ]);
    expect(uniqueSheetNames([], ["x"])).toEqual([]);
  });
});
