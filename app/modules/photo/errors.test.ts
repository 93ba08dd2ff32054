import { describe, expect, it } from "vitest";
import { retryableUploadStatus } from "./errors";

describe("which failed uploads offer 重试", () => {
  it("retries what the network or a busy server lost", () => {
    for (const status of [0, 408, 429, 500, 502, 503, 507])
      expect(retryableUploadStatus(status)).toBe(true);
  });
  it("never retries a refusal of the file itself or of the request", () => {
    // 400 truncated/damaged is re-sent by choosing the file again; 409 the lot was signed meanwhile.
    for (const status of [400, 401, 403, 404, 409, 413, 415, 422])
      expect(retryableUploadStatus(status)).toBe(false);
  });
});
