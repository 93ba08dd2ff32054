import sharp from "sharp";

/**
 * A JPEG as a camera writes it: landscape pixels with a red band along the top edge, EXIF
 * orientation, capture time and GPS. With orientation 6 the band shows on the right when upright.
 */
export async function cameraJpeg({
  width = 800,
  height = 600,
  orientation = 6,
  taken = "2024:05:01 10:20:30",
  seed = 0,
}: {
  width?: number;
  height?: number;
  orientation?: number;
  taken?: string;
  seed?: number;
} = {}) {
  const band = await sharp({
    create: { width, height: Math.round(height / 6), channels: 3, background: "#e01010" },
  })
    .png()
    .toBuffer();
  return sharp({
    create: { width, height, channels: 3, background: { r: 120 + seed, g: 130, b: 140 } },
  })
    .composite([{ input: band, left: 0, top: 0 }])
    .jpeg({ quality: 90 })
    .withExif({
      IFD0: { Make: "HUAWEI", Model: "MatePad 11" },
      IFD2: { DateTimeOriginal: taken },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "28/1 15/1 3000/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "108/1 7/1 1200/100",
      },
    })
    .withMetadata({ orientation })
    .toBuffer();
}

/** A tiny JPEG whose header declares width × height (a decompression bomb's shape). */
export async function pixelBomb(width = 30_000, height = 30_000) {
  const small = Buffer.from(
    await sharp({ create: { width: 64, height: 64, channels: 3, background: "#888" } })
      .jpeg()
      .toBuffer(),
  );
  for (let i = 2; i < small.length - 9; i++) {
    if (small[i] === 0xff && (small[i + 1] === 0xc0 || small[i + 1] === 0xc2)) {
      small.writeUInt16BE(height, i + 5);
      small.writeUInt16BE(width, i + 7);
      return small;
    }
  }
  throw new Error("no SOF marker");
}

/** Mean absolute difference of RGB pixels in a region of two same-sized images. */
export async function regionDiff(
  a: Buffer,
  b: Buffer,
  region: { left: number; top: number; width: number; height: number },
) {
  const [ra, rb] = await Promise.all(
    [a, b].map((img) => sharp(img).extract(region).removeAlpha().raw().toBuffer()),
  );
  let sum = 0;
  for (let i = 0; i < ra!.length; i++) sum += Math.abs(ra![i]! - rb![i]!);
  return sum / ra!.length;
}

/** The RGB of one pixel. */
export async function pixel(img: Buffer, x: number, y: number) {
  const raw = await sharp(img)
    .extract({ left: x, top: y, width: 1, height: 1 })
    .removeAlpha()
    .raw()
    .toBuffer();
  return { r: raw[0]!, g: raw[1]!, b: raw[2]! };
}
