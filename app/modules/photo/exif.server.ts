import exifr from "exifr";

export type PhotoExif = {
  capturedAt: Date | null;
  gpsLat: number | null;
  gpsLng: number | null;
  gpsAlt: number | null;
  device: string | null;
};

const NONE: PhotoExif = {
  capturedAt: null,
  gpsLat: null,
  gpsLng: null,
  gpsAlt: null,
  device: null,
};

/** Minutes east of UTC from an EXIF offset such as "+08:00"; China's +08:00 when absent. */
function offsetMinutes(offset: unknown): number {
  const m = typeof offset === "string" ? /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim()) : null;
  if (!m) return 8 * 60;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * exifr revives EXIF's zone-less "YYYY:MM:DD hh:mm:ss" as a Date in the server's local zone;
 * read its wall-clock fields back and place them in the camera's zone instead.
 */
function wallClockToDate(local: unknown, offset: unknown): Date | null {
  if (!(local instanceof Date) || Number.isNaN(local.getTime())) return null;
  const utc = Date.UTC(
    local.getFullYear(),
    local.getMonth(),
    local.getDate(),
    local.getHours(),
    local.getMinutes(),
    local.getSeconds(),
  );
  return new Date(utc - offsetMinutes(offset) * 60_000);
}

const finite = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

function deviceOf(make: unknown, model: unknown): string | null {
  const parts = [make, model]
    .filter((p): p is string => typeof p === "string" && p.trim() !== "")
    .map((p) => p.trim());
  if (parts.length === 2 && parts[1]!.toLowerCase().startsWith(parts[0]!.toLowerCase()))
    parts.shift();
  return parts.length ? parts.join(" ").slice(0, 120) : null;
}

/** Capture time, position and device from the original's EXIF; nothing when it has none. */
export async function readExif(original: Buffer): Promise<PhotoExif> {
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(original, {
      gps: true,
      pick: [
        "DateTimeOriginal",
        "CreateDate",
        "OffsetTimeOriginal",
        "OffsetTime",
        "Make",
        "Model",
        "GPSLatitude",
        "GPSLatitudeRef",
        "GPSLongitude",
        "GPSLongitudeRef",
        "GPSAltitude",
        "GPSAltitudeRef",
      ],
    });
  } catch {
    return NONE;
  }
  if (!tags) return NONE;
  const lat = finite(tags.latitude);
  const lng = finite(tags.longitude);
  const alt = finite(tags.GPSAltitude);
  return {
    capturedAt: wallClockToDate(
      tags.DateTimeOriginal ?? tags.CreateDate,
      tags.OffsetTimeOriginal ?? tags.OffsetTime,
    ),
    gpsLat: lat !== null && lng !== null ? lat : null,
    gpsLng: lat !== null && lng !== null ? lng : null,
    gpsAlt: alt === null ? null : tags.GPSAltitudeRef === 1 ? -alt : alt,
    device: deviceOf(tags.Make, tags.Model),
  };
}
