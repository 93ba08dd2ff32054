import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptanceOverview, openAcceptance } from "~/modules/acceptance/acceptance.server";
import { blockerText } from "~/modules/acceptance/words";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { createConcealed, requestAgain } from "~/modules/concealed/notify.server";
import { recordPage } from "~/modules/concealed/page.server";
import { concealedPdf } from "~/modules/concealed/pdf.server";
import { findRecord, recordPhotos } from "~/modules/concealed/records.server";
import { refuseConcealed, signChecked, signConcealed } from "~/modules/concealed/sign.server";
import { concealedWorkGaps, concealedWorkRecords } from "~/modules/concealed/summary.server";
import { fixedT } from "~/modules/i18n/i18n.server";
import { createLot } from "~/modules/lot/create.server";
import { transitionLot } from "~/modules/lot/lots.server";
import { fillPassing } from "../../prisma/seed/activity";
import { demoSignature } from "../../prisma/seed/demo-concealed";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { recordDivisions } from "../../prisma/seed/demo-division";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { concealedStorage } from "../support/concealed";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { pdfImageCount, pdfText } from "../support/pdf-text";
import { testDb } from "../support/test-db";

/**
 * 隐蔽工程验收 (GB 50300-2013 §3.0.6-5: 隐蔽工程在隐蔽前应由施工单位通知监理单位进行验收，并应形成
 * 验收文件，验收合格后方可继续施工): the contractor notifies with photos, the supervisor signs or
 * returns it; lots that cover the work wait for the signature; 竣工验收 lists every unsigned one.
 */
describe("concealed-work inspection records", () => {
  const db = testDb({ seeded: true });
  const storage = concealedStorage();
  const person = async (username: string) => {
    const u = await db.user.findUniqueOrThrow({
      where: { username },
      select: { id: true, role: true, title: true, organizationId: true },
    });
    return { ...u, role: u.role as "contractor" };
  };
  const photo = async (seed = 0) => ({ bytes: await cameraJpeg({ seed }), name: "管线.jpg" });

  /** A compound with an approved plan, all its lots accepted, records not made. */
  async function ready(code: string) {
    const fx = await compoundReadyForAcceptance(db, { code, acceptLast: true, concealed: false });
    const stairwell = await db.stairwell.findFirstOrThrow({
      where: { building: { compoundId: fx.compoundId } },
      select: { id: true },
    });
    const place = {
      compoundId: fx.compoundId,
      workTypeCode: "stairwell-wiring",
      placeKind: "stairwell",
      placeId: stairwell.id,
    };
    return { ...fx, place };
  }

  it("a contractor notifies with a photo; the supervisor returns it, then signs it; signed is final", async () => {
    const { place } = await ready("CW1");
    const contractor = await person("shigong1");
    const supervisor = await person("jianli");
    const events = await db.auditEvent.count();
    // no photo: refused, nothing stored
    await expect(
      createConcealed(db, storage, contractor, { ...place, content: "暗敷导管" }, null),
    ).rejects.toMatchObject({ status: 400, code: "concealed:errors.photoRequired" });
    expect(await db.concealedWork.count({ where: { compoundId: place.compoundId } })).toBe(0);
    const record = await createConcealed(
      db,
      storage,
      contractor,
      { ...place, content: "PVC 导管 Φ20 暗敷，接线盒固定" },
      await photo(1),
    );
    // the record and its photo, each with its audit event
    expect(await db.auditEvent.count()).toBe(events + 2);
    const photos = await recordPhotos(db, record.id);
    expect(photos).toHaveLength(1);
    expect(photos[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    // the contractor cannot sign its own record
    await expect(
      signChecked(db, contractor, "own", record.id, { image: await demoSignature(), opinion: "" }),
    ).rejects.toMatchObject({ status: 403 });
    await refuseConcealed(db, supervisor, "any", record.id, "接线盒未固定");
    await expect(
      signChecked(db, supervisor, "any", record.id, { image: await demoSignature(), opinion: "" }),
    ).rejects.toMatchObject({ status: 409, code: "concealed:errors.notRequested" });
    await requestAgain(db, contractor, "own", record.id, "");
    // a wrong password signs nothing
    await expect(
      signConcealed(db, supervisor, "any", record.id, {
        password: "wrong",
        image: await demoSignature(),
        opinion: "",
      }),
    ).rejects.toMatchObject({ status: 400, field: "password" });
    await signConcealed(db, supervisor, "any", record.id, {
      password: DEMO_PASSWORD,
      image: await demoSignature(),
      opinion: "同意隐蔽",
    });
    const signed = await findRecord(db, supervisor, "any", record.id);
    expect(signed).toMatchObject({ status: "signed", opinion: "同意隐蔽", requests: 2 });
    expect(signed!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    // signed = immutable: no refusal, no new photo, no second signature
    await expect(refuseConcealed(db, supervisor, "any", record.id, "x")).rejects.toMatchObject({
      status: 409,
    });
    await expect(requestAgain(db, contractor, "own", record.id, "改")).rejects.toMatchObject({
      status: 409,
    });
    const summary = await concealedWorkRecords(db, place.compoundId);
    expect(summary).toEqual([
      expect.objectContaining({
        id: record.id,
        division: "建筑电气",
        place: "1栋1单元",
        signerName: expect.any(String),
        href: `/concealed/${record.id}`,
      }),
    ]);
    // the printed 隐蔽工程验收记录: every field from the record, the photo's hash
    const page = (await recordPage(db, supervisor, "any", record.id))!;
    const pdf = await concealedPdf(db, page);
    fs.mkdirSync(TMP_DIR, { recursive: true });
    fs.writeFileSync(path.join(TMP_DIR, "concealed-record.pdf"), pdf);
    const text = pdfText(pdf).replace(/\s+/g, "");
    for (const field of [
      "隐蔽工程验收记录",
      "GB50300-2013§3.0.6-5",
      "1栋1单元",
      "建筑电气",
      "导管敷设",
      "暗敷导管及接线盒（抹灰前）",
      "PVC导管Φ20暗敷，接线盒固定",
      "同意隐蔽",
      signed!.contentHash!,
      photos[0]!.sha256,
    ])
      expect(text).toContain(field);
    expect(pdfImageCount(pdf)).toBe(1); // the drawn signature
    expect((await verifyDatabase(db)).chainBreak).toBeNull();
  });

  it("a contractor of another compound finds nothing by a guessed id and cannot create there", async () => {
    const { place } = await ready("CW2");
    const own = await person("shigong1");
    const other = await person("shigong2");
    const record = await createConcealed(
      db,
      storage,
      own,
      { ...place, content: "暗敷导管" },
      await photo(2),
    );
    expect(await findRecord(db, other, "own", record.id)).toBeNull();
    await expect(requestAgain(db, other, "own", record.id, "")).rejects.toMatchObject({
      status: 404,
    });
    await expect(
      createConcealed(db, storage, other, { ...place, content: "x" }, await photo(3)),
    ).rejects.toMatchObject({ status: 404, code: "concealed:errors.compoundNotFound" });
  });

  it("a lot covering the 单元's conduits cannot be submitted while its record is unsigned; it can once signed", async () => {
    const { place } = await ready("CW3");
    const contractor = await person("shigong1");
    const supervisor = await person("jianli");
    // a second wall-finishing lot at the 单元 (e.g. the next coat), recorded as passing
    const lot = await createLot(db, contractor, "own", {
      workTypeCode: "wall-finishing",
      place: { kind: "stairwell", id: place.placeId },
    });
    await fillPassing(db, contractor, lot.id);
    const refusal = transitionLot(db, contractor, "own", lot.id, "submit", null);
    await expect(refusal).rejects.toMatchObject({
      status: 409,
      code: "concealed:errors.lotMissing",
      params: expect.objectContaining({
        place: "1栋1单元",
        href: expect.stringContaining(`/compounds/${place.compoundId}/concealed/new?`),
      }),
    });
    const record = await createConcealed(
      db,
      storage,
      contractor,
      { ...place, content: "暗敷导管" },
      await photo(4),
    );
    await expect(
      transitionLot(db, contractor, "own", lot.id, "submit", null),
    ).rejects.toMatchObject({
      status: 409,
      code: "concealed:errors.lotUnsigned",
      params: expect.objectContaining({ href: `/concealed/${record.id}` }),
    });
    expect(
      (
        await db.inspectionLot.findUniqueOrThrow({
          where: { id: lot.id },
          select: { status: true },
        })
      ).status,
    ).toBe("draft");
    await signChecked(db, supervisor, "any", record.id, {
      image: await demoSignature(),
      opinion: "",
    });
    await expect(transitionLot(db, contractor, "own", lot.id, "submit", null)).resolves.toBe(
      "submitted",
    );
    // the stair railing covers nothing concealed: never held
    const railing = await createLot(db, contractor, "own", {
      workTypeCode: "stair-railing",
      place: { kind: "stairwell", id: place.placeId },
    });
    await fillPassing(db, contractor, railing.id);
    await expect(transitionLot(db, contractor, "own", railing.id, "submit", null)).resolves.toBe(
      "submitted",
    );
  });

  it("a compound otherwise ready cannot open a 合格 竣工验收 while a required record is unsigned; the blocker links to it", async () => {
    const { compoundId, place } = await ready("CW4");
    const contractor = await person("shigong1");
    const record = await createConcealed(
      db,
      storage,
      contractor,
      { ...place, content: "暗敷导管" },
      await photo(5),
    );
    const overview = (await acceptanceOverview(db, compoundId))!;
    const unmet = overview.prerequisites.filter((p) => !p.ok);
    // the 分部 建筑电气 cannot be recorded either: its 质量控制资料 lack the signed record (§5.0.3-2)
    expect(unmet.map((p) => p.key)).toEqual(["divisions", "concealed"]);
    expect(unmet[0]!.blockers.map((b) => b.params)).toEqual([{ division: "建筑电气" }]);
    expect(unmet[1]!.blockers).toEqual([
      { code: "concealedUnsigned", params: expect.any(Object), href: `/concealed/${record.id}` },
    ]);
    expect(blockerText(fixedT("zh-CN"), unmet[1]!.blockers[0]!)).toBe(
      "1栋1单元 暗敷导管及接线盒（抹灰前）：隐蔽工程验收未签认",
    );
    expect(await concealedWorkGaps(db, compoundId)).toEqual([
      expect.objectContaining({ code: "concealedUnsigned", href: `/concealed/${record.id}` }),
    ]);
    const organiser = await person("xiangmu");
    const signatories = Object.fromEntries(
      overview.seats.map((s) => [s.seq, s.people[0]?.id ?? ""]),
    );
    await expect(
      openAcceptance(db, { ...organiser, role: "bureau" as never }, compoundId, {
        conclusion: "pass",
        remarks: "",
        signatories,
      }),
    ).rejects.toMatchObject({ status: 409, code: "acceptance:errors.prerequisitesUnmet" });
    // once signed, the same compound can open it
    await signChecked(db, await person("jianli"), "any", record.id, {
      image: await demoSignature(),
      opinion: "",
    });
    // the 分部 can now be recorded, and nothing blocks
    expect(await recordDivisions(db, compoundId)).toEqual(["建筑电气"]);
    const after = (await acceptanceOverview(db, compoundId))!;
    expect(after.prerequisites.filter((p) => !p.ok)).toEqual([]);
  });
});
