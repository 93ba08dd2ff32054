import { connectionMetered } from "./sync-rules";

const WIFI_ONLY = "yanshou-photos-wifi-only";

/** The 仅 Wi-Fi 上传照片 choice, kept on this tablet (localStorage). */
export function photosWifiOnly(): boolean {
  try {
    return localStorage.getItem(WIFI_ONLY) === "1";
  } catch {
    return false;
  }
}

export function storePhotosWifiOnly(on: boolean) {
  try {
    if (on) localStorage.setItem(WIFI_ONLY, "1");
    else localStorage.removeItem(WIFI_ONLY);
  } catch {
    // Storage refused (private mode): the choice lasts until the page is left.
  }
}

/** The connection type the browser reports (Network Information API), if any. */
export function connectionType(): string | undefined {
  return (navigator as Navigator & { connection?: { type?: string } }).connection?.type;
}

/** Photos wait when 仅 Wi-Fi is on and the browser says the connection is neither Wi-Fi nor wired. */
export function photosWaitForWifi(): boolean {
  return photosWifiOnly() && connectionMetered(connectionType());
}
