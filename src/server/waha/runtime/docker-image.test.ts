import { describe, expect, it } from "vitest";
import { withDefaultTag } from "./docker-image";

describe("withDefaultTag", () => {
  it.each([
    ["devlikeapro/waha", "devlikeapro/waha:latest"],
    ["devlikeapro/waha:noweb-2026.7.1", "devlikeapro/waha:noweb-2026.7.1"],
    ["registry.local:5000/waha", "registry.local:5000/waha:latest"],
    ["whago/waha-sim:local", "whago/waha-sim:local"],
    ["waha@sha256:abc", "waha@sha256:abc"],
  ])("%s → %s", (image, expected) => {
    expect(withDefaultTag(image)).toBe(expected);
  });
});
