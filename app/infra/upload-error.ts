/**
 * A refused upload: the message is shown to the user as is (Chinese); status is the HTTP answer.
 * Photo and drawing refusals are kinds of it, so one catch in a route covers the parser, the
 * storage and the module.
 */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly status = 422,
  ) {
    super(message);
  }
}

export const MB = 1024 * 1024;

export const uploadMessages = {
  notMultipart: "请以表单（multipart/form-data）上传文件",
  incomplete: "上传数据不完整（连接中断或表单未结束），文件未保存，请重新上传",
  tooManyFiles: "一次上传的文件数量过多，请分批上传",
  requestTooLarge: (limitBytes: number) =>
    `一次上传的文件合计超过 ${Math.round(limitBytes / MB)} MB 的上限，请分批上传`,
  fileTooLarge: (name: string, limitBytes: number) =>
    `“${name}”超过单个文件 ${Math.round(limitBytes / MB)} MB 的上限，请压缩后再上传`,
  storageFull: "服务器存储空间已满或上传目录不可写，文件未保存：请联系系统管理员",
} as const;

/** Disk full, quota, read-only or unwritable folder: the server cannot keep files (507). */
export function isStorageFullError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === "ENOSPC" ||
    code === "EDQUOT" ||
    code === "EROFS" ||
    code === "EACCES" ||
    code === "EPERM"
  );
}

export class StorageFullError extends UploadError {
  constructor(readonly cause: unknown) {
    super(uploadMessages.storageFull, 507);
  }
}
