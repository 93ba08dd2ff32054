export type GapView = {
  code: string;
  name: string;
  unit: string;
  claimed: string;
  accepted: string;
  prior: string;
  available: string;
  gap: string;
};

/** The items a claim exceeds, with how much: shown when an application or certification is refused. */
export function FundGaps({ message, gaps }: { message: string; gaps: GapView[] }) {
  return (
    <div className="alert alert-error fund-gaps" role="alert">
      <p>{message}</p>
      {gaps.length > 0 ? (
        <table className="table fund-table" data-testid="fund-gaps">
          <thead>
            <tr>
              <th>清单编码</th>
              <th>项目名称</th>
              <th className="num">申报</th>
              <th className="num">已验收</th>
              <th className="num">此前已审核</th>
              <th className="num">可计量</th>
              <th className="num">超出</th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={g.code}>
                <td>{g.code}</td>
                <td>{g.name}</td>
                <td className="num">
                  {g.claimed} {g.unit}
                </td>
                <td className="num">{g.accepted}</td>
                <td className="num">{g.prior}</td>
                <td className="num">{g.available}</td>
                <td className="num">
                  <strong>{g.gap}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
