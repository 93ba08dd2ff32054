import { MB, UploadError } from "~/infra/upload-error";

/** A refused photo: the message is shown to the user as is; status is the HTTP answer. */
export class PhotoError extends UploadError {}

export { MB };

export const photoMessages = {
  empty: (name: string) => `“${name}”是空文件`,
  notPhoto: (name: string) =>
    `“${name}”不是照片：只接受 JPEG、PNG、WebP 格式（按文件内容判断，与扩展名无关）`,
  heicUnsupported: (name: string) =>
    `“${name}”是 HEIC 格式，本服务器无法解码：请在相机设置中选择“兼容性最佳”（JPEG）后重拍，或转为 JPEG 再上传`,
  corrupt: (name: string) => `“${name}”已损坏或不完整（可能上传中断），无法读取，请重新上传`,
  notPure: (name: string) =>
    `“${name}”不是纯粹的图片文件（图片数据之后或之中夹带了其他内容，如网页代码），已拒收：请上传相机或相册中的原始照片`,
  tooManyPixels: (name: string, w: number, h: number, limit: number) =>
    `“${name}”像素过多（${w}×${h}），超过 ${Math.round(limit / 1e6)} 百万像素的上限`,
  tooSmall: (name: string, w: number, h: number) =>
    `“${name}”太小（${w}×${h}），不能作为证据照片（短边至少 200 像素）`,
  fileTooLarge: (name: string, limitBytes: number) =>
    `“${name}”超过单张 ${Math.round(limitBytes / MB)} MB 的上限，请压缩后再上传`,
  requestTooLarge: (limitBytes: number) =>
    `一次上传的照片合计超过 ${Math.round(limitBytes / MB)} MB 的上限，请分批上传`,
} as const;

/**
 * Whether an upload that failed with this HTTP status can pass if sent again unchanged: no answer
 * (0), a timeout, throttling, or a server-side failure (5xx, including a full disk, 507). Every
 * other 4xx is a refusal of this file or this request as it is: retrying cannot help.
 */
export function retryableUploadStatus(status: number): boolean {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
