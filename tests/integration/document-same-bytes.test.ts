import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spooledFile } from "~/infra/upload-spool.server";
import { documentKey, keepDocument } from "~/modules/files/document-store.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { testDb } from "../support/test-db";

// Two uploads of the same bytes at once, the first refused at its commit (a record signed
// meanwhile, say): the second, accepted, must still find its file stored (the first's clean-up
// used to remove it when the second had found the file already there and so not written it).

const db = testDb({ seeded: false });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "same-bytes-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const policy = {
  store: "evidence" as const,
  codes: {
    tooLarge: "common:error.generic",
    notMultipart: "common:error.generic",
    incomplete: "common:error.generic",
    oneFile: "common:error.generic",
    format: "common:error.generic",
    storageFull: "common:error.generic",
  },
} as unknown as Parameters<typeof keepDocument>[2];

describe("one document uploaded twice at the same moment", () => {
  it("a refused first upload never removes the file the accepted second one relies on", async () => {
    const storage = new LocalPhotoStorage(dir);
    const bytes = Buffer.from("%PDF-1.4 the same certificate twice\n%%EOF\n");
    const spooled = path.join(dir, "upload.part");
    fs.writeFileSync(spooled, bytes);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const file = spooledFile("合格证.pdf", spooled, bytes.length, sha256);
    let refuseFirst: (reason: Error) => void = () => {};
    const firstCommit = new Promise<never>((_, reject) => {
      refuseFirst = reject;
    });
    // Handled here too: on a slow database the first upload may not await its commit yet when
    // it is refused (an unhandled rejection failed the whole PostgreSQL run).
    firstCommit.catch(() => {});
    let firstDone: () => void = () => {};
    const firstSettled = new Promise<void>((resolve) => {
      firstDone = resolve;
    });
    const first = keepDocument(db, storage, policy, file, () => firstCommit).finally(firstDone);
    // The second commits only after the first has failed and cleaned up.
    const second = keepDocument(db, storage, policy, file, async () => {
      await firstSettled;
      return "kept";
    });
    await new Promise((r) => setTimeout(r, 20));
    refuseFirst(new Error("signed meanwhile"));
    await expect(first).rejects.toThrow("signed meanwhile");
    await expect(second).resolves.toBe("kept");
    expect(await storage.has(documentKey("evidence", file.sha256))).toBe(true);
  });
});
