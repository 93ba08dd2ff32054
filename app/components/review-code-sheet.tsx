/** The printable 评议码 sheet: one slip per household, cut along the dashes and handed out. */
export function ReviewCodeSheet({
  compound,
  codes,
  message,
}: {
  compound: { code: string; name: string };
  codes: { place: string; room: string; code: string }[];
  message: string;
}) {
  return (
    <>
      <div className="no-print">
        <p className="alert" role="status">
          {message}
        </p>
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          打印
        </button>
      </div>
      <div className="code-sheet" data-testid="code-sheet">
        {codes.map((c) => (
          <div key={`${c.place}-${c.room}`} className="code-slip">
            <div>
              {compound.name} {c.place} {c.room} 室
            </div>
            <code>{c.code}</code>
            <div className="muted">
              扫描小区公示牌二维码（/gongshi/{compound.code}
              ），凭此码对改造方案评议、对完工质量评价，每户一次。请妥善保管。
            </div>
          </div>
        ))}
      </div>
    </>
  );
}
