import { describe, expect, it } from "vitest";
import { postgresSql } from "./sql.server";

describe("postgresSql", () => {
  it("quotes mixed-case names and numbers the placeholders, leaving string literals alone", () => {
    expect(
      postgresSql(
        "SELECT l.placeKind, u.displayName AS signerName FROM InspectionLot l JOIN User u ON u.id = l.createdById WHERE l.id IN (?, ?) AND e.entityType = 'InspectionLot' AND x = 'it''s ?' AND y = ?",
      ),
    ).toBe(
      `SELECT l."placeKind", u."displayName" AS "signerName" FROM "InspectionLot" l JOIN "User" u ON u.id = l."createdById" WHERE l.id IN ($1, $2) AND e."entityType" = 'InspectionLot' AND x = 'it''s ?' AND y = $3`,
    );
  });

  it("keeps keywords, lower-case names and already quoted names as they are", () => {
    expect(
      postgresSql('SELECT "InspectionLot".id, b_floors FROM t ORDER BY seq DESC LIMIT ?'),
    ).toBe('SELECT "InspectionLot".id, b_floors FROM t ORDER BY seq DESC LIMIT $1');
  });
});
