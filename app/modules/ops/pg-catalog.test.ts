import { describe, expect, it } from "vitest";
import { dependencyOrder, type PgTable, parentsFirst } from "./pg-catalog.server";

const table = (name: string): PgTable => ({ name, columns: [], primaryKey: ["id"], selfRefs: [] });
const fk = (child: string, parent: string, column = `${parent.toLowerCase()}Id`) => ({
  child,
  parent,
  column,
  referenced: "id",
});

describe("copy order", () => {
  it("inserts every parent table before the tables referencing it", () => {
    const order = dependencyOrder(
      ["Photo", "Defect", "InspectionLot", "Organization", "User"].map(table),
      [
        fk("User", "Organization"),
        fk("InspectionLot", "User"),
        fk("Defect", "InspectionLot"),
        fk("Photo", "Defect"),
        fk("Photo", "InspectionLot"),
      ],
    ).map((t) => t.name);
    expect(order).toEqual(["Organization", "User", "InspectionLot", "Defect", "Photo"]);
  });

  it("names the tables of a foreign-key cycle instead of looping", () => {
    expect(() => dependencyOrder([table("A"), table("B")], [fk("A", "B"), fk("B", "A")])).toThrow(
      /cycle between tables: A, B/,
    );
  });

  it("puts a superseded drawing revision's successor first", () => {
    const selfRefs = [{ column: "supersededById", references: "id" }];
    const rows = [
      { id: "rA", supersededById: "rB" },
      { id: "rB", supersededById: "rC" },
      { id: "rC", supersededById: null },
    ];
    expect(parentsFirst(rows, selfRefs).map((r) => r.id)).toEqual(["rC", "rB", "rA"]);
    expect(() => parentsFirst([{ id: "x", supersededById: "gone" }], selfRefs)).toThrow(/cycle/);
  });
});
