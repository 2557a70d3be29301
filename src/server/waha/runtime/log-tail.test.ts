import { describe, expect, it } from "vitest";
import { demuxDockerLog, lastLines, redactSecrets } from "./log-tail";

describe("lastLines", () => {
  it("keeps the last non-empty lines", () => {
    expect(lastLines("a\nb\n\nc\nd\n", 2)).toBe("c\nd");
  });
});

describe("redactSecrets", () => {
  it("masks every occurrence of each secret", () => {
    const key = "k".repeat(43);
    expect(redactSecrets(`key=${key} again ${key}`, [key])).toBe("key=*** again ***");
  });
  it("ignores empty or very short secrets instead of shredding the text", () => {
    expect(redactSecrets("abc", ["", "a"])).toBe("abc");
  });
});

describe("demuxDockerLog", () => {
  const frame = (stream: number, text: string) => {
    const body = Buffer.from(text);
    const header = Buffer.alloc(8);
    header[0] = stream;
    header.writeUInt32BE(body.length, 4);
    return Buffer.concat([header, body]);
  };

  it("joins stdout and stderr frames without their headers", () => {
    expect(demuxDockerLog(Buffer.concat([frame(1, "out\n"), frame(2, "err\n")]))).toBe("out\nerr\n");
  });
  it("passes a TTY log through unchanged", () => {
    expect(demuxDockerLog(Buffer.from("plain line\n"))).toBe("plain line\n");
  });
});
