import { describe, expect, it } from "vitest";
import { commandBodyRefusal } from "./command-request";

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe("an outbox command's body is read only when it is a form of a stated, bounded size", () => {
  it("reads a url-encoded or multipart form of up to 1 MB", () => {
    const form = { "content-type": "application/x-www-form-urlencoded", "content-length": "900" };
    expect(commandBodyRefusal(headers(form))).toBeNull();
    const multi = {
      "content-type": "multipart/form-data; boundary=x",
      "content-length": "1048576",
    };
    expect(commandBodyRefusal(headers(multi))).toBeNull();
  });

  it("refuses JSON, text or no type (415), no or chunked length (411), over 1 MB (413)", () => {
    for (const type of ["application/json", "text/plain", ""])
      expect(
        commandBodyRefusal(headers({ "content-type": type, "content-length": "10" }))?.status,
      ).toBe(415);
    const form = "application/x-www-form-urlencoded";
    expect(commandBodyRefusal(headers({ "content-type": form }))?.status).toBe(411);
    expect(
      commandBodyRefusal(
        headers({ "content-type": form, "content-length": "5", "transfer-encoding": "chunked" }),
      )?.status,
    ).toBe(411);
    expect(
      commandBodyRefusal(headers({ "content-type": form, "content-length": "1048577" })),
    ).toEqual({ status: 413, message: { key: "lot:commands.tooLarge", params: { kb: 1024 } } });
  });
});
