import { deferred } from "~/components/deferred";
import * as server from "./photo-uploader";

/** The lot page's upload control: rendered by the server, its code loaded after the page's (0036). */
export const DeferredPhotoUploader = deferred(
  () => import("./photo-uploader").then((m) => m.PhotoUploader),
  import.meta.env.SSR ? server.PhotoUploader : undefined,
);
