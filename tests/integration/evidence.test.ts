import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/auth/session.server";
import { divisionEvidence } from "~/modules/evidence/evidence.server";
import { documentKey, documentStorage } from "~/modules/files/document-store.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { approvePlan, generateCompoundPlan } from "~/modules/plan/plan.server";
import { action, loader } from "~/routes/_app.compounds.$compoundId_.evidence";
import { loader as fileLoader } from "~/routes/evidence-files.$documentId";
import { cameraJpeg } from "../support/images";
import { drawingSetPdf } from "../support/pdfs";
import { leaveTemporary, sweepDocumentStore } from "../support/stores";
import { testDb } from "../support/test-db";

// 质量控制资料 and 安全和功能检验 of a 分部 (GB 50300-2013 §5.0.3-2/3), through the real routes.

const db = testDb({ seeded: true });
const ORIGIN = "http://localhost";
const cookies: Record<string, string> = {};
const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));
let compoundId = "";
const ELEC = "建筑电气";

function post(who: string, body: FormData | URLSearchParams) {
  return new Request(`${ORIGIN}/compounds/${compoundId}/evidence`, {
    method: "POST",
    headers: { Cookie: cookies[who] ?? "", Origin: ORIGIN, Host: "localhost" },
    body,
  });
}
const args = (request: Request) => ({ request, params: { compoundId }, context: {} });

async function outcome(run: () => Promise<unknown>) {
  try {
    const r = await run();
    if (r && typeof r === "object" && "init" in r && "data" in r) {
      const d = r as { data: unknown; init: { status?: number } | null };
      return { status: d.init?.status ?? 200, body: d.data };
    }
    return { status: r instanceof Response ? r.status : 200, body: r };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: null };
    throw thrown;
  }
}

function upload(who: string, kind: string, title: string, file: Blob, name: string) {
  const form = new FormData();
  form.set("division", ELEC);
  form.set("kind", kind);
  form.set("title", title);
  form.set("file", file, name);
  return outcome(() => action(args(post(who, form))));
}
const blob = (bytes: Uint8Array) => new Blob([new Uint8Array(bytes)]);
const filesStored = () =>
  fs.existsSync(path.join(storeDir, "document"))
    ? fs
        .readdirSync(path.join(storeDir, "document"), { recursive: true })
        .filter((f) => /^[0-9a-f]{64}$/.test(path.basename(String(f)))).length
    : 0;
const electrical = async () =>
  (await divisionEvidence(db, compoundId)).find((d) => d.division === ELEC)!;

afterAll(() => {
  delete (globalThis as { yanshouDocumentStores?: unknown }).yanshouDocumentStores;
  fs.rmSync(storeDir, { recursive: true, force: true });
});

beforeAll(async () => {
  (globalThis as { yanshouDb?: unknown }).yanshouDb = db;
  // The document store's evidence folder, in this file's own directory.
  (globalThis as { yanshouDocumentStores?: unknown }).yanshouDocumentStores = {
    evidence: new LocalPhotoStorage(storeDir),
  };
  for (const username of ["shigong1", "shigong2", "jianli"]) {
    const u = await db.user.findUniqueOrThrow({ where: { username }, select: { id: true } });
    cookies[username] = (await createSession(db, u.id, null)).split(";")[0] ?? "";
  }
  const chief = await db.user.findUniqueOrThrow({
    where: { username: "zongjian" },
    select: { id: true, role: true, title: true, organizationId: true },
  });
  const viewer = { ...chief, role: "supervisor" as const };
  compoundId = (
    await db.compound.findUniqueOrThrow({ where: { code: "NH" }, select: { id: true } })
  ).id;
  await generateCompoundPlan(db, viewer, compoundId);
  await approvePlan(db, viewer, compoundId);
});

describe("quality-control documents of a 分部 (GB 50300-2013 §5.0.3-2)", () => {
  it("a 分部 with nothing recorded lacks every uploaded kind and every test at every place", async () => {
    const d = await electrical();
    expect(d.requiredDocuments.map((k) => k.kind)).toContain("insulationRecord");
    const missing = d.gaps.filter((g) => g.code === "docMissing").map((g) => g.params);
    // 隐蔽工程验收记录 comes from the concealed-work records, never as a missing upload
    expect(missing.map((p) => p.kind)).not.toContain("隐蔽工程验收记录");
    expect(missing.map((p) => p.kind)).toContain("绝缘电阻测试记录");
    // GB 50303 §17.1.2 at each of the 51 单元 wired, §21.1.2 at each 单元 lit
    expect(d.gaps.filter((g) => g.code === "testMissing")).toHaveLength(51 * 2);
    // each 分部 has its own list: 路基 (CJJ 1-2008 §6.8.1) needs compaction at both road sections
    const subgrade = (await divisionEvidence(db, compoundId)).find((x) => x.division === "路基")!;
    expect(subgrade.requiredTests).toEqual([
      expect.objectContaining({ code: "subgradeCompaction", clause: "CJJ 1-2008 §6.8.1" }),
    ]);
    expect(subgrade.gaps.filter((g) => g.code === "testMissing")).toHaveLength(2);
    expect(subgrade.gaps.filter((g) => g.code === "docMissing")).toHaveLength(4);
  });

  it("the contractor uploads a real PDF and the supervisor a real JPEG; each is stored once with its row and event", async () => {
    const pdf = await drawingSetPdf([{ number: "Q-01", title: "CERT" }], { detail: 2 });
    const r1 = await upload("shigong1", "certificates", "导管、电线合格证", blob(pdf), "cert.pdf");
    expect(r1.status).toBe(200);
    const jpeg = await cameraJpeg({ width: 400, height: 300 });
    const r2 = await upload(
      "jianli",
      "insulationRecord",
      "绝缘电阻测试记录 1-1",
      blob(jpeg),
      "ir.jpg",
    );
    expect(r2.status).toBe(200);
    const rows = await db.evidenceDocument.findMany({
      where: { compoundId },
      select: { id: true, format: true },
    });
    expect(rows.map((r) => r.format).sort()).toEqual(["jpeg", "pdf"]);
    expect(filesStored()).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "evidence.upload" } })).toBe(2);
    const d = await electrical();
    expect(d.gaps.filter((g) => g.code === "docUnchecked")).toHaveLength(2);
    // the file is served to the supervisor as uploaded
    const get = new Request(`${ORIGIN}/evidence-files/x`, { headers: { Cookie: cookies.jianli! } });
    const pdfDoc = d.documents.find((x) => x.format === "pdf")!;
    const res = (await fileLoader({
      request: get,
      params: { documentId: pdfDoc.id },
      context: {},
    })) as Response;
    expect(res.headers.get("Content-Type")).toBe("application/pdf");
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });

  it("a text file named .pdf is refused with a 4xx in Chinese, and nothing is stored", async () => {
    const before = await db.evidenceDocument.count();
    const fake = new Blob(["这不是PDF，只是一段文字。"]);
    const r = await upload("shigong1", "certificates", "假文件", fake, "fake.pdf");
    expect(r.status).toBe(415);
    expect(JSON.stringify(r.body)).toContain("不是 PDF 或照片");
    expect(await db.evidenceDocument.count()).toBe(before);
    expect(filesStored()).toBe(2);
  });

  it("the contractor of another compound finds nothing: no page, no upload, no file", async () => {
    const get = new Request(`${ORIGIN}/compounds/${compoundId}/evidence`, {
      headers: { Cookie: cookies.shigong2! },
    });
    expect((await outcome(() => loader(args(get)))).status).toBe(404);
    const pdf = await drawingSetPdf([{ number: "Q-02", title: "X" }], { detail: 2 });
    const r = await upload("shigong2", "certificates", "越权", blob(pdf), "x.pdf");
    expect(r.status).toBe(404);
    expect(filesStored()).toBe(2);
    const doc = (await electrical()).documents[0]!;
    const file = new Request(`${ORIGIN}/evidence-files/${doc.id}`, {
      headers: { Cookie: cookies.shigong2! },
    });
    const served = await outcome(() =>
      fileLoader({ request: file, params: { documentId: doc.id }, context: {} }),
    );
    expect(served.status).toBe(404);
  });

  it("only the 监理 checks or returns a document; a return needs a reason and a checked document is final", async () => {
    const d = await electrical();
    const cert = d.documents.find((x) => x.kind === "certificates")!;
    const check = new URLSearchParams({ intent: "check", documentId: cert.id });
    expect((await outcome(() => action(args(post("shigong1", check))))).status).toBe(403);
    expect((await outcome(() => action(args(post("jianli", check))))).status).toBe(200);
    expect((await outcome(() => action(args(post("jianli", check))))).status).toBe(409);
    const ir = d.documents.find((x) => x.kind === "insulationRecord")!;
    const bare = new URLSearchParams({ intent: "reject", documentId: ir.id, reason: "" });
    expect((await outcome(() => action(args(post("jianli", bare))))).status).toBe(400);
    const reject = new URLSearchParams({
      intent: "reject",
      documentId: ir.id,
      reason: "缺少测试仪器编号",
    });
    expect((await outcome(() => action(args(post("jianli", reject))))).status).toBe(200);
    const after = await electrical();
    expect(after.documents.find((x) => x.id === ir.id)).toMatchObject({
      status: "rejected",
      reason: "缺少测试仪器编号",
    });
    const kinds = after.gaps
      .filter((g) => g.code === "docMissing")
      .map((g) => "kind" in g.params && g.params.kind);
    expect(kinds).not.toContain("材料、设备出厂合格证及进场检验记录");
    expect(kinds).toContain("绝缘电阻测试记录");
    expect(after.gaps.filter((g) => g.code === "docUnchecked")).toHaveLength(0);
  });
});

describe("safety and function tests of a 分部 (GB 50300-2013 §5.0.3-3)", () => {
  const test = (place: string, values: string) =>
    new URLSearchParams({
      intent: "test",
      division: ELEC,
      code: "insulation",
      place,
      values,
      testedOn: "2021-06-01",
      tester: "德江县电力检测所",
    });

  it("a failed insulation test stays on record as a gap until a passing retest (GB 50303-2015 §17.1.2)", async () => {
    const plan = await db.plannedLot.findFirstOrThrow({
      where: { workTypeCode: "stairwell-wiring", plan: { compoundId } },
      select: { placeKind: true, placeId: true, placeLabel: true },
    });
    const place = `${plan.placeKind}:${plan.placeId}`;
    expect(
      (await outcome(() => action(args(post("shigong1", test(place, "2.5 0.3")))))).status,
    ).toBe(200);
    let d = await electrical();
    expect(d.gaps).toContainEqual({
      code: "testFailed",
      params: { division: ELEC, test: "线路绝缘电阻测试", place: plan.placeLabel },
    });
    expect(
      (await outcome(() => action(args(post("shigong1", test(place, "2.5 1.2")))))).status,
    ).toBe(200);
    d = await electrical();
    expect(d.gaps.filter((g) => g.code === "testFailed")).toHaveLength(0);
    expect(d.gaps.filter((g) => g.code === "testMissing")).toHaveLength(51 * 2 - 1);
    expect(d.tests.map((x) => x.pass)).toEqual([false, true]);
    expect(d.tests[0]!.summary).toContain("0.3");
    // a place that is not in the plan, or a value no meter shows, is refused and not recorded
    expect(
      (await outcome(() => action(args(post("shigong1", test("zone:nowhere", "1")))))).status,
    ).toBe(400);
    expect((await outcome(() => action(args(post("shigong1", test(place, "abc")))))).status).toBe(
      400,
    );
    expect(await db.functionTest.count()).toBe(2);
  });
});

describe("evidence files in the start-up sweep (files/sweep.server.ts)", () => {
  it("the start-up sweep removes an evidence file no row names (a crash before its row) and a temporary, and keeps every named file and its row", async () => {
    const storage = documentStorage("evidence") as LocalPhotoStorage;
    const named = await db.evidenceDocument.findMany({ select: { id: true, sha256: true } });
    expect(named).toHaveLength(2);
    const pdf = Buffer.from(await drawingSetPdf([{ number: "Q-09", title: "ORPHAN" }]));
    const orphan = documentKey("evidence", createHash("sha256").update(pdf).digest("hex"));
    expect((await storage.put(orphan, pdf)).created).toBe(true);
    leaveTemporary(storage);
    expect(filesStored()).toBe(3);

    const swept = await sweepDocumentStore(db, "evidence", storage, path.join(storeDir, "x"));
    expect(swept.temporaries).toBe(1);
    expect(swept.byKind).toEqual({ photo: 0, drawing: 0, evidence: 1, route: 0 });
    expect(await storage.has(orphan)).toBe(false);
    expect(filesStored()).toBe(2);
    for (const doc of named)
      expect(await storage.has(documentKey("evidence", doc.sha256))).toBe(true);
    expect(await db.evidenceDocument.count()).toBe(2);
    // The named file is still served whole.
    const get = new Request(`${ORIGIN}/evidence-files/x`, { headers: { Cookie: cookies.jianli! } });
    const res = (await fileLoader({
      request: get,
      params: { documentId: named[0]!.id },
      context: {},
    })) as Response;
    expect(res.status).toBe(200);
    expect(Number(res.headers.get("Content-Length"))).toBeGreaterThan(0);
  });
});
