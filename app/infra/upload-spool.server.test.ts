import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SPOOL_STALE_MS, sweepSpool } from "./upload-spool.server";

describe("sweepSpool", () => {
  it("removes what a crash left, never a part another instance on the machine is receiving", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spool-"));
    const left = path.join(dir, "crashed.part");
    const receiving = path.join(dir, "in-flight.part");
    fs.writeFileSync(left, "half a photo");
    fs.writeFileSync(receiving, "bytes still arriving");
    const now = Date.now();
    const old = new Date(now - SPOOL_STALE_MS - 60_000);
    fs.utimesSync(left, old, old);
    try {
      expect(await sweepSpool(now, dir)).toBe(1);
      expect(fs.readdirSync(dir)).toEqual(["in-flight.part"]);
      // A missing folder (nothing was ever uploaded) is nothing to sweep.
      expect(await sweepSpool(now, path.join(dir, "none"))).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
