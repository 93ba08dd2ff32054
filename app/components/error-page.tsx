import { isRouteErrorResponse, Link } from "@remix-run/react";

type ErrorData = { kind?: string; actionLabel?: string; message?: string };

/** A title and a default explanation per refusal; a message the server sent wins. */
const STATUS_ZH: Record<number, [string, string]> = {
  400: ["请求有误", "提交的内容不完整或格式不正确，未保存。请返回修改后重试。"],
  401: ["需要登录", "请先登录。"],
  405: ["不支持的操作", "此页面不支持这种请求方式。"],
  409: ["状态已变化", "记录已被他人更改，请刷新页面后重试。"],
  411: ["请求有误", "请求缺少内容长度，未处理。"],
  413: ["内容过大", "提交的内容超过上限，未保存。"],
  415: ["格式不支持", "只接受页面表单提交，未保存。"],
  429: ["操作过于频繁", "请稍后再试。"],
  500: ["出错了", "系统遇到意外错误，请稍后重试。如果问题持续，请联系系统管理员。"],
  503: ["系统繁忙", "服务器暂时无法处理，请稍后重试。"],
  507: ["存储空间不足", "服务器存储空间不足，未保存。请联系系统管理员。"],
};

export function ErrorPage({ error }: { error: unknown; isResponse?: boolean }) {
  let title = "出错了";
  let detail = "系统遇到意外错误，请稍后重试。如果问题持续，请联系系统管理员。";
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = (error.data ?? {}) as ErrorData;
    if (error.status === 403 && data.kind === "refused" && data.message) {
      title = "已拒绝";
      detail = data.message;
    } else if (error.status === 403) {
      title = "无权访问";
      detail = `您的账号没有“${data.actionLabel ?? "此操作"}”的权限。如需开通，请联系住建局或系统管理员。`;
    } else if (error.status === 404) {
      title = "未找到";
      detail = data.message ?? "页面不存在或您无权查看。";
    } else {
      const known = STATUS_ZH[error.status];
      if (known) [title, detail] = known;
      if (data.message) detail = data.message;
    }
  }
  return (
    <main className="error-page" data-status={status}>
      <p className="error-code">{status}</p>
      <h1>{title}</h1>
      <p>{detail}</p>
      <Link className="button" to="/">
        返回首页
      </Link>
    </main>
  );
}
