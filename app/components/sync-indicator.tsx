import { useEffect, useState } from "react";
import { formatEntered } from "~/modules/lot/verdict-format";
import { useOnline, useOutbox } from "~/modules/offline/hooks";
import {
  discardCommand,
  flushOutbox,
  type OutboxCommand,
  setOutboxUser,
  startOutboxSync,
} from "~/modules/offline/outbox.client";
import { syncLabelZh } from "~/modules/offline/sync-rules";

/** What was recorded, as text a user can copy into a note or a message. */
export function commandTextZh(c: OutboxCommand): string {
  const e = c.entry;
  const result =
    e.result === "pass"
      ? "合格"
      : e.result === "fail"
        ? "不合格"
        : e.result === "na"
          ? "不适用"
          : "";
  const points = e.points.map((p) => formatEntered(p.value, "", p.text)).join("、");
  return [
    `检验批 ${c.lotLabel} · ${c.itemCode}`,
    result ? `结果：${result}` : "",
    points ? `实测：${points}` : "",
    e.designValue !== null ? `设计值：${e.designValue}` : "",
    e.note ? `记录：${e.note}` : "",
  ]
    .filter(Boolean)
    .join("；");
}

/**
 * The header's sync state, always visible: 已同步 / N 项待上传 / 冲突 N (and 离线). Opens a list of
 * what waits and what the server refused, with the reason; a refused value can be copied or
 * discarded, never dropped without the user's say.
 */
export function SyncIndicator({ userId }: { userId: string }) {
  useEffect(() => {
    setOutboxUser(userId);
    startOutboxSync();
    void flushOutbox();
  }, [userId]);
  const online = useOnline();
  const commands = useOutbox() ?? [];
  const pending = commands.filter((c) => c.status === "pending");
  const refused = commands.filter((c) => c.status === "refused");
  const [copied, setCopied] = useState<string | null>(null);
  const tone = refused.length > 0 ? "conflict" : pending.length > 0 ? "pending" : "synced";
  return (
    <details className={`sync-indicator sync-${tone}`} data-testid="sync-indicator">
      <summary
        aria-label={`同步状态：${syncLabelZh({ pending: pending.length, conflicts: refused.length, online })}`}
      >
        {syncLabelZh({ pending: pending.length, conflicts: refused.length, online })}
      </summary>
      <div className="sync-panel">
        {refused.length > 0 ? (
          <section aria-label="冲突">
            <h3>冲突（服务器未接受）</h3>
            <ul className="sync-list">
              {refused.map((c) => (
                <li key={c.id} className="sync-conflict">
                  <p>{commandTextZh(c)}</p>
                  <p className="field-error">原因：{c.reasonZh}</p>
                  <div className="sync-actions">
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        void navigator.clipboard?.writeText(commandTextZh(c)).catch(() => {});
                        setCopied(c.id);
                      }}
                    >
                      {copied === c.id ? "已复制" : "复制内容"}
                    </button>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => {
                        if (window.confirm("放弃这条未保存的记录？放弃后无法恢复。"))
                          void discardCommand(c.seq as number);
                      }}
                    >
                      放弃
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        <section aria-label="待上传">
          <h3>待上传</h3>
          {pending.length === 0 ? (
            <p className="muted">没有待上传的记录。</p>
          ) : (
            <ol className="sync-list">
              {pending.map((c) => (
                <li key={c.id}>{commandTextZh(c)}</li>
              ))}
            </ol>
          )}
          {!online ? <p className="muted">离线：恢复网络后自动按顺序上传。</p> : null}
        </section>
      </div>
    </details>
  );
}

/** Sign-out: warns while anything is unsent, then empties the pages kept for offline use. */
export function useSignOutGuard() {
  const commands = useOutbox() ?? [];
  const unsent = commands.length;
  return (event: { preventDefault: () => void }) => {
    if (
      unsent > 0 &&
      !window.confirm(
        `还有 ${unsent} 项记录未上传（待上传或冲突）。退出后它们仍保存在本机，用同一账号登录后继续上传。确定退出吗？`,
      )
    ) {
      event.preventDefault();
      return;
    }
    // Pages with this user's data must not be shown to the next user of the tablet.
    void caches?.delete("yanshou-pages").catch(() => {});
  };
}
