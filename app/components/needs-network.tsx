import { useOnline } from "~/modules/offline/hooks";

/**
 * Signing (a lot's 验收签认, the final acceptance's 签字) needs the server: the signed record and
 * its hash are made there. Offline, this says so and the caller disables its button.
 */
export function NeedsNetwork({ what, online }: { what: string; online: boolean }) {
  if (online) return null;
  return (
    <p className="alert alert-error" role="alert" data-testid="needs-network">
      离线：{what}需要网络连接，恢复网络后再{what}。已记录的检查数据会先保存在本机。
    </p>
  );
}

export { useOnline };
