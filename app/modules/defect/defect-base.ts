/**
 * What a defect transition queued on a tablet is based on: the defect's state and when it last
 * changed (only transitions change a defect). A defect closed, or returned and replied to again,
 * meanwhile is another round: the queued command is refused, never applied to it (issue 17).
 */
export function defectBase(defect: { status: string; updatedAt: Date | string }): string {
  return `${defect.status}@${new Date(defect.updatedAt).toISOString()}`;
}
