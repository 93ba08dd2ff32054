import { isRouteErrorResponse, Link } from "@remix-run/react";

type ErrorData = { kind?: string; actionLabel?: string; message?: string };

export function ErrorPage({ error }: { error: unknown; isResponse?: boolean }) {
  let title = "出错了";
  let detail = "系统遇到意外错误，请稍后重试。如果问题持续，请联系系统管理员。";
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = (error.data ?? {}) as ErrorData;
    if (error.status === 403) {
      title = "无权访问";
      detail = `您的账号没有“${data.actionLabel ?? "此操作"}”的权限。如需开通，请联系住建局或系统管理员。`;
    } else if (error.status === 404) {
      title = "未找到";
      detail = data.message ?? "页面不存在或您无权查看。";
    } else if (data.message) {
      detail = data.message;
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
