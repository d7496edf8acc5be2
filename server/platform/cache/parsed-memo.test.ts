import { describe, expect, it } from "vitest";
import { ParsedMemo } from "./parsed-memo";

const text = (marker: string, size = 2_000) => JSON.stringify({ marker, staff: [{ name: "x".repeat(size) }] });

describe("ParsedMemo", () => {
  it("gives an unchanged text's value back without parsing it again, deep-frozen", () => {
    const memo = new ParsedMemo();
    const first = memo.parse("company", text("a")) as { staff: { name: string }[] };
    // The same characters in a new string, as every read from Redis brings.
    const again = memo.parse("company", text("a").slice(0));
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.staff[0])).toBe(true);
    expect(() => {
      first.staff[0].name = "changed";
    }).toThrow(TypeError);
  });

  it("parses a changed text anew and forgets the old one", () => {
    const memo = new ParsedMemo();
    const old = memo.parse("company", text("a"));
    const changed = memo.parse("company", text("b"));
    expect(changed).not.toBe(old);
    expect(changed).toMatchObject({ marker: "b" });
    expect(memo.keptChars()).toBe(text("b").length);
  });

  it("keeps no small texts, and no more characters than its limit (oldest out first)", () => {
    const memo = new ParsedMemo(100, 5_000);
    expect(memo.parse("small", '{"a":1}')).toEqual({ a: 1 });
    expect(memo.parse("small", '{"a":1}')).not.toBe(memo.parse("small", '{"a":1}'));
    expect(memo.keptChars()).toBe(0);
    const one = memo.parse("one", text("1"));
    memo.parse("two", text("2"));
    expect(memo.keptChars()).toBe(text("2").length * 2);
    memo.parse("three", text("3"));
    expect(memo.keptChars()).toBeLessThanOrEqual(5_000);
    expect(memo.parse("one", text("1"))).not.toBe(one);
    expect(memo.parse("too-big", text("4", 6_000))).toMatchObject({ marker: "4" });
    expect(memo.keptChars()).toBeLessThanOrEqual(5_000);
  });
});
