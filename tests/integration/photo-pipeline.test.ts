import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processPhoto, sha256Of } from "~/modules/photo/pipeline.server";
import { cameraJpeg, pixel, pixelBomb, regionDiff } from "../support/images";

const info = {
  project: "德江县2021年城镇老旧小区改造",
  compound: "县农行老旧小区",
  place: "3栋2单元",
  workType: "楼梯栏杆、扶手维修加固",
  item: "SR-M1",
  user: "王工（正衡监理）",
};

describe("photo pipeline (sharp)", () => {
  it("applies EXIF orientation: a landscape sensor image shot rotated comes out upright", async () => {
    const original = await cameraJpeg({ width: 800, height: 600, orientation: 6 });
    const p = await processPhoto(original, info);
    expect([p.width, p.height]).toEqual([600, 800]);
    expect([p.display.width, p.display.height]).toEqual([600, 800]);
    // The red band along the sensor's top edge is on the right once upright (90° clockwise).
    const right = await pixel(p.display.bytes, 590, 200);
    const left = await pixel(p.display.bytes, 10, 200);
    expect(right.r).toBeGreaterThan(180);
    expect(right.g).toBeLessThan(80);
    expect(left.r).toBeLessThan(160);
  });

  it("turns every EXIF orientation (1–8) upright exactly as libvips' own auto-orient does", async () => {
    for (let orientation = 1; orientation <= 8; orientation++) {
      const original = await cameraJpeg({ width: 800, height: 600, orientation });
      const p = await processPhoto(original, info);
      const expected = await sharp(original).rotate().raw().toBuffer({ resolveWithObject: true });
      expect([p.display.width, p.display.height]).toEqual([
        expected.info.width,
        expected.info.height,
      ]);
      // the red band (the sensor's top edge) lands on the same side: compare a few probes
      // outside the watermark band
      for (const [x, y] of [
        [20, 20],
        [expected.info.width - 20, 20],
        [expected.info.width / 2, expected.info.height / 3],
        [expected.info.width - 20, expected.info.height / 2],
      ] as const) {
        const at = (Math.round(y) * expected.info.width + Math.round(x)) * expected.info.channels;
        const got = await pixel(p.display.bytes, Math.round(x), Math.round(y));
        expect(
          Math.abs(got.r - expected.data[at]!),
          `orientation ${orientation} at ${x},${y}`,
        ).toBeLessThan(40);
      }
    }
  });

  it("burns the watermark into the display copy: pixels differ where it is drawn, not elsewhere", async () => {
    const original = await cameraJpeg({ orientation: 1, width: 1200, height: 900 });
    const p = await processPhoto(original, info);
    const bare = await sharp(original).rotate().webp({ quality: 82 }).toBuffer();
    const { width, height } = p.display;
    const band = { left: 20, top: height - 120, width: 300, height: 100 };
    const clear = { left: width - 320, top: height / 3, width: 300, height: 100 };
    expect(await regionDiff(p.display.bytes, bare, band)).toBeGreaterThan(20);
    expect(await regionDiff(p.display.bytes, bare, clear)).toBeLessThan(3);
  });

  it("keeps the original byte-identical under its SHA-256, and reads capture time, GPS and device", async () => {
    const original = await cameraJpeg();
    const copy = Buffer.from(original);
    const p = await processPhoto(original, info);
    expect(original.equals(copy)).toBe(true);
    expect(p.sha256).toBe(sha256Of(copy));
    expect(p.byteSize).toBe(copy.length);
    expect(p.format).toBe("jpeg");
    expect(p.exif.capturedAt?.toISOString()).toBe("2024-05-01T02:20:30.000Z"); // 10:20:30 in China
    expect(p.exif.gpsLat).toBeCloseTo(28.2583, 3);
    expect(p.exif.gpsLng).toBeCloseTo(108.12, 3);
    expect(p.exif.device).toBe("HUAWEI MatePad 11");
  });

  it("strips EXIF (GPS above all) from the display copy and the thumbnail", async () => {
    const original = await cameraJpeg();
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(28.2583, 3);
    const p = await processPhoto(original, info);
    for (const derived of [p.display, p.thumb]) {
      const meta = await sharp(derived.bytes).metadata();
      expect(meta.format).toBe(derived.format);
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(await exifr.parse(derived.bytes).catch(() => undefined)).toBeUndefined();
    }
    expect(Math.max(p.thumb.width, p.thumb.height)).toBe(320);
  });

  it("shrinks the display copy to 2048 px on the long side", async () => {
    const original = await cameraJpeg({ width: 4000, height: 3000, orientation: 1 });
    const p = await processPhoto(original, info);
    expect([p.display.width, p.display.height]).toEqual([2048, 1536]);
    expect([p.width, p.height]).toEqual([4000, 3000]);
  });

  it("accepts PNG and WebP by their content", async () => {
    const base = sharp({ create: { width: 400, height: 300, channels: 4, background: "#36a8" } });
    const png = await base.clone().png().toBuffer();
    const webp = await base.clone().webp().toBuffer();
    expect((await processPhoto(png, info)).format).toBe("png");
    expect((await processPhoto(webp, info)).format).toBe("webp");
  });

  it("takes HEIF that this libvips decodes (AVIF); HEVC-coded HEIC gets a clear way out", async () => {
    const avif = await sharp({
      create: { width: 400, height: 300, channels: 3, background: "#36a" },
    })
      .avif()
      .toBuffer();
    expect((await processPhoto(avif, info)).format).toBe("heif");
    // An iPhone HEIC: ftyp heic, HEVC-coded image items, which the bundled libheif cannot decode.
    const ftyp = Buffer.concat([
      Buffer.from([0, 0, 0, 24]),
      Buffer.from("ftypheic"),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from("mif1heic"),
    ]);
    const heic = Buffer.concat([ftyp, Buffer.alloc(2000, 7)]);
    await expect(processPhoto(heic, info, { name: "IMG_0001.HEIC" })).rejects.toMatchObject({
      message: expect.stringContaining("是 HEIC 格式，本服务器无法解码"),
    });
  });

  describe("refuses bad input with a message", () => {
    const refuse = (bytes: Buffer, name = "x.jpg", maxPixels?: number) =>
      processPhoto(bytes, info, { name, maxPixels });

    it("empty file", async () => {
      await expect(refuse(Buffer.alloc(0))).rejects.toMatchObject({
        status: 422,
        message: "“x.jpg”是空文件",
      });
    });
    it("another type renamed .jpg", async () => {
      const gif = await sharp({
        create: { width: 300, height: 300, channels: 3, background: "#000" },
      })
        .gif()
        .toBuffer();
      for (const bytes of [Buffer.from("%PDF-1.7\n%…"), gif]) {
        await expect(refuse(bytes)).rejects.toMatchObject({
          status: 415,
          message: expect.stringContaining("不是照片"),
        });
      }
    });
    it("truncated JPEG", async () => {
      const whole = await cameraJpeg();
      await expect(refuse(whole.subarray(0, Math.floor(whole.length / 2)))).rejects.toMatchObject({
        status: 422,
        message: expect.stringContaining("已损坏或不完整"),
      });
    });
    it("JPEG/HTML polyglot, trailing data after the image, markup inside it", async () => {
      const whole = await cameraJpeg();
      const html = Buffer.from("<html><script>alert(document.cookie)</script></html>");
      // markup in a comment segment right after SOI: still a valid JPEG to a decoder
      const comment = Buffer.concat([
        whole.subarray(0, 2),
        Buffer.from([0xff, 0xfe, 0, html.length + 2]),
        html,
        whole.subarray(2),
      ]);
      for (const bytes of [
        Buffer.concat([whole, html]),
        Buffer.concat([whole, Buffer.from("junk-after-eoi")]),
        comment,
      ]) {
        await expect(refuse(bytes)).rejects.toMatchObject({
          status: 422,
          message: expect.stringContaining("不是纯粹的图片文件"),
        });
      }
      // zero padding after the end (some cameras pad files) is not data
      await expect(refuse(Buffer.concat([whole, Buffer.alloc(64)]))).resolves.toMatchObject({
        format: "jpeg",
      });
    });
    it("pixel bomb", async () => {
      await expect(refuse(await pixelBomb())).rejects.toMatchObject({
        status: 422,
        message: "“x.jpg”像素过多（30000×30000），超过 100 百万像素的上限",
      });
    });
    it("too small to be evidence", async () => {
      const tiny = await sharp({
        create: { width: 100, height: 80, channels: 3, background: "#000" },
      })
        .jpeg()
        .toBuffer();
      await expect(refuse(tiny)).rejects.toMatchObject({
        message: expect.stringContaining("太小"),
      });
    });
  });
});
