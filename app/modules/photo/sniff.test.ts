import { describe, expect, it } from "vitest";
import { sniffPhotoFormat } from "./sniff";

const bytes = (...parts: (number[] | string)[]) =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)),
  );

describe("sniffPhotoFormat", () => {
  it("knows JPEG, PNG and WebP by their first bytes", () => {
    expect(sniffPhotoFormat(bytes([0xff, 0xd8, 0xff, 0xe1, 0, 0]))).toBe("jpeg");
    expect(sniffPhotoFormat(bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("png");
    expect(sniffPhotoFormat(bytes("RIFF", [1, 2, 3, 4], "WEBPVP8 "))).toBe("webp");
  });

  it("knows HEIC and AVIF by their ftyp brand, major or compatible", () => {
    expect(sniffPhotoFormat(bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0], "mif1heic"))).toBe(
      "heif",
    );
    expect(sniffPhotoFormat(bytes([0, 0, 0, 28], "ftypavif", [0, 0, 0, 0], "avifmif1miaf"))).toBe(
      "heif",
    );
    expect(sniffPhotoFormat(bytes([0, 0, 0, 24], "ftypisom", [0, 0, 0, 0], "isommp41"))).toBeNull();
  });

  it("refuses everything else, whatever the file is called", () => {
    expect(sniffPhotoFormat(bytes("%PDF-1.7\n"))).toBeNull();
    expect(sniffPhotoFormat(bytes("GIF89a", [0, 0]))).toBeNull();
    expect(sniffPhotoFormat(bytes("<svg xmlns"))).toBeNull();
    expect(sniffPhotoFormat(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffPhotoFormat(new Uint8Array())).toBeNull();
    expect(sniffPhotoFormat(bytes("RIFF", [1, 2, 3, 4], "WAVEfmt "))).toBeNull();
  });
});
