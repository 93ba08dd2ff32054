import { DomainError } from "~/infra/domain-error";

/**
 * A refused drawing upload or action: the message is shown as is; status is the HTTP answer.
 * (Kept compiling by the photo helper when UploadError became DomainError: the drawing module
 * replaces it with DomainError codes under drawing:errors.*.)
 */
export class DrawingError extends DomainError {
  constructor(message: string, status = 422) {
    super("photo:errors.asWritten", { status, params: { message } });
    this.message = message;
  }
}

export const drawingMessages = {
  empty: (name: string) => `“${name}”是空文件`,
  notDrawing: (name: string) =>
    `“${name}”不是图纸文件：只接受 PDF 图纸或 JPEG、PNG、WebP 图片（按文件内容判断，与扩展名无关）`,
  corrupt: (name: string) => `“${name}”已损坏或不完整，无法打开，请重新导出 PDF 后上传`,
  encrypted: (name: string) =>
    `“${name}”已加密（设有打开密码），无法读取：请导出不加密的 PDF 后再上传`,
  tooManyPages: (name: string, pages: number, max: number) =>
    `“${name}”共 ${pages} 页，超过每次 ${max} 页的上限，请拆分后分批上传`,
  pdfNameNotPdf: (name: string) =>
    `“${name}”的扩展名是 .pdf，但内容不是 PDF（可能是改了扩展名的其他文件），请上传真正的 PDF 图纸`,
  imageTooSmall: (name: string, w: number, h: number) =>
    `“${name}”太小（${w}×${h} 像素），不能作为图纸（短边至少 600 像素）`,
  notPure: (name: string) =>
    `“${name}”不是纯粹的图片文件（图片数据之后或之中夹带了其他内容，如网页代码），已拒收：请上传原始图纸图片或 PDF`,
  noPages: (name: string) => `“${name}”没有页面`,
  tooManyPixels: (name: string) => `“${name}”像素过多，超过上限，请缩小后再上传`,
} as const;
