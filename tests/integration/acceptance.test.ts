import path from "node:path";
import ExcelJS from "exceljs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DomainError } from "~/infra/domain-error";
import {
  acceptanceOverview,
  compoundSealedMessage,
  openAcceptance,
  signAcceptance,
  voidAcceptance,
} from "~/modules/acceptance/acceptance.server";
import { parseSignatureDataUrl } from "~/modules/acceptance/signature-image.server";
import { fileSupervisionRecord } from "~/modules/acceptance/supervision.server";
import { verifyDatabase } from "~/modules/audit/verify.server";
import { createDefect, transitionDefect } from "~/modules/defect/defects.server";
import { defaultDueOn } from "~/modules/defect/workflow";
import { fixedT } from "~/modules/i18n/i18n.server";
import { createLot } from "~/modules/lot/create.server";
import { getLot, transitionLot } from "~/modules/lot/lots.server";
import { attachDefectPhoto } from "~/modules/photo/defect-photos.server";
import { LocalPhotoStorage } from "~/modules/photo/storage.server";
import { acceptanceRecordPdf, lotRecordPdf } from "~/modules/report/records-pdf.server";
import {
  defectRegisterPdf,
  defectRegisterXlsx,
  lotListXlsx,
} from "~/modules/report/registers.server";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-data";
import { recordDivisions } from "../../prisma/seed/demo-division";
import { demoPhoto } from "../../prisma/seed/demo-photo";
import { compoundReadyForAcceptance } from "../support/acceptance-fixture";
import { TMP_DIR } from "../support/paths";
import { pdfText } from "../support/pdf-text";
import { testDb } from "../support/test-db";

/** A refusal as a Chinese reader is told it (the assertions quote the page's words). */
const zh = <T>(pending: Promise<T>): Promise<T> =>
  pending.catch((error: unknown) => {
    throw error instanceof DomainError ? new Error(error.text(fixedT("zh-CN"))) : error;
  });

const photoStore = new LocalPhotoStorage(
  path.join(TMP_DIR, `acceptance-${process.pid}-${Date.now()}`),
);

async function drawnSignature() {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><path d="M20 80 C 60 10, 120 110, 180 40 S 260 90, 280 30" stroke="#000" stroke-width="4" fill="none"/></svg>`;
  const png = await sharp(Buffer.from(svg)).png().toBuffer();
  const image = await parseSignatureDataUrl(`data:image/png;base64,${png.toString("base64")}`);
  if ("error" in image) throw new Error(image.error);
  return image;
}

describe("final acceptance (单位工程竣工验收)", () => {
  const db = testDb({ seeded: true });

  async function users() {
    const rows = await db.user.findMany({
      select: {
        id: true,
        username: true,
        role: true,
        title: true,
        organizationId: true,
        displayName: true,
      },
    });
    const u = (name: string) => {
      const found = rows.find((x) => x.username === name)!;
      return { ...found, role: found.role as "bureau" };
    };
    return {
      // 县住建局 is the 建设单位 here: its 项目负责人 organises (GB 50300 §6.0.6)
      bureau: u("xiangmu"),
      // its 质量安全监督站 supervises and holds no seat
      station: u("zhujianju"),
      supervisor: u("jianli"),
      contractor: u("shigong1"),
      designer: u("sheji"),
    };
  }
  /** Who signs for each party: 项目负责人, for 监理 the 总监理工程师 (§6.0.6, 建质〔2013〕171号). */
  const SIGNERS = {
    owner: "xiangmu",
    contractor: "xmjl1",
    supervisor: "zongjian",
    designer: "sheji",
  };

  async function openFor(compoundId: string, conclusion: "pass" | "fail" = "pass") {
    const { bureau } = await users();
    const overview = (await acceptanceOverview(db, compoundId))!;
    const signatories = Object.fromEntries(overview.seats.map((s) => [s.seq, s.people[0]!.id]));
    return openAcceptance(db, bureau, compoundId, {
      conclusion,
      remarks: conclusion === "pass" ? "工程质量符合设计及规范要求" : "资料不全",
      signatories,
    });
  }

  const signer = async (party: keyof typeof SIGNERS) => {
    const u = await db.user.findUniqueOrThrow({
      where: { username: SIGNERS[party] },
      select: { id: true, role: true, title: true, organizationId: true },
    });
    return { ...u, role: u.role as "bureau" };
  };

  it("walks a compound from its last lot to 验收合格, refusing everything out of turn", async () => {
    const { bureau, supervisor, contractor } = await users();
    const fx = await compoundReadyForAcceptance(db, {
      code: "CA",
      name: "城西甲小区",
      storage: photoStore,
    });

    // The last lot is not accepted yet: that is the one blocker, linked.
    let overview = (await acceptanceOverview(db, fx.compoundId))!;
    const unmet = overview.prerequisites.filter((p) => !p.ok);
    // the last lot is planned (§4.0.7 plan) and not accepted: both the plan and the lot list block
    // and so do the 分部 records (decision 0029), which wait for that lot
    expect(unmet.map((p) => p.key)).toEqual(["planLots", "divisions", "lotsAccepted"]);
    expect(unmet[0]?.blockers[0]?.href).toBe(`/lots/${fx.lastLot.id}`);
    await expect(zh(openFor(fx.compoundId))).rejects.toThrow(
      "验收条件未满足：方案中的计划检验批均已开并验收、分部工程验收记录完整、全部检验批已验收",
    );

    await transitionLot(db, supervisor, "any", fx.lastLot.id, "accept", null);
    await recordDivisions(db, fx.compoundId);
    overview = (await acceptanceOverview(db, fx.compoundId))!;
    expect(overview.prerequisites.every((p) => p.ok)).toBe(true);
    expect(overview.seats.map((s) => s.party)).toEqual([
      "owner",
      "contractor",
      "supervisor",
      "designer",
    ]);
    // each seat offers only the party's 项目负责人 (监理: 总监理工程师), never a QC inspector
    expect(overview.seats.map((s) => s.people.map((p) => p.title))).toEqual([
      ["建设单位项目负责人（城建股股长）"],
      ["施工单位项目负责人（项目经理）"],
      ["总监理工程师"],
      ["设计单位项目负责人"],
    ]);

    // Only the 建设单位's 项目负责人 organises (not the 监理, not the 质监站), and every party must be named.
    await expect(
      zh(
        openAcceptance(db, supervisor as never, fx.compoundId, {
          conclusion: "pass",
          remarks: "",
          signatories: {},
        }),
      ),
    ).rejects.toThrow("竣工验收由建设单位（德江县住房和城乡建设局）组织");
    await expect(
      zh(
        openAcceptance(db, (await users()).station, fx.compoundId, {
          conclusion: "pass",
          remarks: "",
          signatories: {},
        }),
      ),
    ).rejects.toThrow("竣工验收由建设单位（德江县住房和城乡建设局）项目负责人组织");
    const seats = overview.seats;
    const partial = Object.fromEntries(seats.slice(0, 3).map((s) => [s.seq, s.people[0]!.id]));
    await expect(
      zh(
        openAcceptance(db, bureau, fx.compoundId, {
          conclusion: "pass",
          remarks: "",
          signatories: partial,
        }),
      ),
    ).rejects.toThrow("请为设计单位（铜仁市城乡规划勘察设计院）指定签字人");
    expect(await db.finalAcceptance.count({ where: { compoundId: fx.compoundId } })).toBe(0);

    const { id } = await openFor(fx.compoundId);
    await expect(zh(openFor(fx.compoundId))).rejects.toThrow("已有进行中的竣工验收");
    const image = await drawnSignature();

    // Wrong password: a clear message and nothing stored.
    await expect(
      zh(signAcceptance(db, await signer("owner"), id, { password: "wrong", image, opinion: "" })),
    ).rejects.toThrow("密码不正确，未签字");
    expect(await db.signature.count()).toBe(0);
    // Somebody not named cannot sign.
    const street = await db.user.findFirstOrThrow({ where: { username: "anhua" } });
    await expect(
      zh(
        signAcceptance(db, { ...street, role: "street" }, id, {
          password: DEMO_PASSWORD,
          image,
          opinion: "",
        }),
      ),
    ).rejects.toThrow("您不是本次竣工验收的签字人");

    for (const name of ["owner", "contractor", "supervisor"] as const) {
      const result = await signAcceptance(db, await signer(name), id, {
        password: DEMO_PASSWORD,
        image,
        opinion: "同意验收",
      });
      expect(result.status).toBe("open");
    }
    // Three of four signed: a missing signature keeps it from passing.
    overview = (await acceptanceOverview(db, fx.compoundId))!;
    expect(overview.acceptance?.status).toBe("open");
    await expect(
      zh(
        signAcceptance(db, await signer("owner"), id, {
          password: DEMO_PASSWORD,
          image,
          opinion: "",
        }),
      ),
    ).rejects.toThrow("您已签字");

    expect(
      (
        await signAcceptance(db, await signer("designer"), id, {
          password: DEMO_PASSWORD,
          image,
          opinion: "同意",
        })
      ).status,
    ).toBe("passed");
    overview = (await acceptanceOverview(db, fx.compoundId))!;
    expect(overview.acceptance?.status).toBe("passed");
    expect(overview.hashCheck?.matches).toBe(true);

    const actions = (
      await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })
    ).map((e) => e.action);
    expect(actions).toEqual([
      "acceptance.open",
      ...Array(4).fill("acceptance.participant"),
      ...Array(4).fill("acceptance.sign"),
      "acceptance.pass",
    ]);

    // Signed acceptance is immutable, and the compound's record is sealed.
    await expect(zh(voidAcceptance(db, bureau, fx.compoundId, id, "重来"))).rejects.toThrow(
      "不可更改",
    );
    await expect(zh(openFor(fx.compoundId))).rejects.toThrow("不可更改");
    await expect(
      db.finalAcceptance.update({ where: { id }, data: { remarks: "改过" } }),
    ).rejects.toThrow();
    await expect(db.signature.deleteMany({})).rejects.toThrow();
    await expect(
      transitionLot(db, supervisor, "any", fx.lastLot.id, "reopen", "再看看"),
    ).rejects.toThrow(DomainError);
    const stairwell = await db.stairwell.findFirstOrThrow({
      where: { building: { compoundId: fx.compoundId } },
    });
    await expect(
      createLot(db, contractor as never, "own", {
        workTypeCode: "stair-railing",
        place: { kind: "stairwell", id: stairwell.id },
      }),
    ).rejects.toThrow("lot:errors.compoundSealed");
    await expect(
      createDefect(db, supervisor as never, {
        from: "compound",
        compoundId: fx.compoundId,
        contractorOrgId: contractor.organizationId,
        placeLabel: "1栋",
        title: "墙面开裂",
        description: "",
        severity: "general",
        dueOn: defaultDueOn("general", new Date()),
      }),
    ).rejects.toThrow(DomainError);

    // The 质监站 files its own 监督记录 (建质〔2013〕171号): once, by the station, holding no seat.
    const { station } = await users();
    await expect(
      fileSupervisionRecord(db, bureau, fx.compoundId, id, "验收程序符合规定"),
    ).rejects.toMatchObject({ status: 403 });
    await expect(zh(fileSupervisionRecord(db, station, fx.compoundId, id, "  "))).rejects.toThrow(
      "请填写监督记录",
    );
    const record = "验收组织形式、程序符合规定，参建各方项目负责人到场签字。";
    await fileSupervisionRecord(db, station, fx.compoundId, id, record);
    await expect(
      fileSupervisionRecord(db, station, fx.compoundId, id, "再写一次"),
    ).rejects.toMatchObject({ status: 409 });
    expect(overview.acceptance!.participants.map((p) => p.userId)).not.toContain(station.id);

    // The PDF carries title, compound, conclusion and every signer, in extractable Chinese.
    const pdf = (await acceptanceRecordPdf(db, fx.compoundId))!;
    const text = pdfText(pdf);
    for (const expected of ["单位工程质量竣工验收记录", "城西甲小区", "合格", "验收合格"])
      expect(text).toContain(expected);
    for (const p of overview.acceptance!.participants) expect(text).toContain(p.user.displayName);
    // The residents' 评议 goes with the record (plan 2021: 以居民为主体), counts only.
    expect(text).toContain("居民评议及满意度");
    expect(text).toContain("已发放评议码 0 户");
    expect(text).toContain("质监站监督记录");
    expect(text).toContain("参建各方项目负责人到场签字");
    expect(text).toContain(station.displayName);

    const lotPdf = await lotRecordPdf((await getLot(db, fx.lastLot.id, bureau, "any"))!);
    expect(pdfText(lotPdf)).toContain("检验批质量验收记录");
    expect(pdfText(lotPdf)).toContain(fx.lastLot.number);

    const report = await verifyDatabase(db, photoStore);
    expect(report.chainBreak).toBeNull();
    expect(report.recordBreaks).toEqual([]);
  });

  it("a 不合格 conclusion opens with unmet conditions, ends 不合格 once all sign, and seals nothing", async () => {
    const { bureau, supervisor } = await users();
    const fx = await compoundReadyForAcceptance(db, { code: "CF", name: "城西丁小区" });
    await expect(
      zh(
        openAcceptance(db, bureau, fx.compoundId, {
          conclusion: "fail",
          remarks: " ",
          signatories: {},
        }),
      ),
    ).rejects.toThrow("结论为不合格时请填写意见");
    const { id } = await openFor(fx.compoundId, "fail");
    const image = await drawnSignature();
    let status = "";
    for (const name of ["owner", "contractor", "supervisor", "designer"] as const)
      ({ status } = await signAcceptance(db, await signer(name), id, {
        password: DEMO_PASSWORD,
        image,
        opinion: "不同意验收，资料不全",
      }));
    expect(status).toBe("failed");
    expect(await compoundSealedMessage(db, fx.compoundId)).toBeNull();
    // The work goes on: the last lot can still be accepted, and a new session opened later.
    await transitionLot(db, supervisor, "any", fx.lastLot.id, "accept", null);
    await recordDivisions(db, fx.compoundId);
    const again = await openFor(fx.compoundId);
    expect(again.id).not.toBe(id);
    expect((await db.finalAcceptance.findUniqueOrThrow({ where: { id } })).status).toBe("failed");
  });

  it("refuses to open as 合格 with an open defect, and refuses signing once the record changed", async () => {
    const { supervisor, contractor, bureau } = await users();
    const fx = await compoundReadyForAcceptance(db, {
      code: "CB",
      name: "城西乙小区",
      acceptLast: true,
    });
    const raise = () =>
      createDefect(db, supervisor as never, {
        from: "compound",
        compoundId: fx.compoundId,
        contractorOrgId: contractor.organizationId,
        placeLabel: "1栋1单元",
        title: "墙面空鼓",
        description: "2层墙面空鼓",
        severity: "major",
        dueOn: defaultDueOn("major", new Date()),
      });
    const defect = await raise();
    const overview = (await acceptanceOverview(db, fx.compoundId))!;
    expect(overview.prerequisites.filter((p) => !p.ok).map((p) => p.key)).toEqual(["defects"]);
    await expect(zh(openFor(fx.compoundId))).rejects.toThrow("质量问题全部整改关闭");

    for (const [actor, action] of [
      [contractor, "acknowledge"],
      [contractor, "reply"],
      [supervisor, "close"],
    ] as const) {
      if (action === "reply")
        await attachDefectPhoto(
          db,
          photoStore,
          contractor as never,
          "own",
          { defectId: defect.id, role: "after" },
          { bytes: await demoPhoto("after", 1), name: "after.jpg" },
        );
      await transitionDefect(
        db,
        actor as never,
        actor === contractor ? "own" : "any",
        defect.id,
        action,
        "已整改",
      );
    }
    const { id } = await openFor(fx.compoundId);
    const image = await drawnSignature();
    await signAcceptance(db, await signer("owner"), id, {
      password: DEMO_PASSWORD,
      image,
      opinion: "",
    });

    // A new defect changes what was signed: nobody may sign any more; the bureau voids.
    await raise();
    await expect(
      zh(
        signAcceptance(db, await signer("contractor"), id, {
          password: DEMO_PASSWORD,
          image,
          opinion: "",
        }),
      ),
    ).rejects.toThrow("签字内容不一致");
    expect((await acceptanceOverview(db, fx.compoundId))!.hashCheck?.matches).toBe(false);
    // Tied to the compound in the URL: another compound's page cannot void this session.
    await expect(zh(voidAcceptance(db, bureau, "other-compound", id, "作废"))).rejects.toThrow(
      "竣工验收不存在",
    );
    await voidAcceptance(db, bureau, fx.compoundId, id, "验收期间新增质量问题");
    expect((await db.finalAcceptance.findUniqueOrThrow({ where: { id } })).status).toBe("void");
    expect((await verifyDatabase(db, photoStore)).recordBreaks).toEqual([]);
  });

  it("detects a tampered acceptance in the audit verification", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "CC",
      name: "城西丙小区",
      acceptLast: true,
    });
    const { id } = await openFor(fx.compoundId);
    const image = await drawnSignature();
    for (const name of ["owner", "contractor", "supervisor", "designer"] as const)
      await signAcceptance(db, await signer(name), id, {
        password: DEMO_PASSWORD,
        image,
        opinion: "",
      });
    // Somebody edits a lot of the accepted compound behind the application's back.
    await db.inspectionLot.update({ where: { id: fx.lots[0]!.id }, data: { status: "draft" } });
    const messages = (await verifyDatabase(db, photoStore)).recordBreaks.map((b) => b.code);
    expect(messages).toContain("acceptance:verify.changedAfterPass");
  });

  it("locks signing after repeated wrong passwords, like sign-in", async () => {
    const fx = await compoundReadyForAcceptance(db, {
      code: "CD",
      name: "城西丁小区",
      acceptLast: true,
    });
    const { id } = await openFor(fx.compoundId);
    const image = await drawnSignature();
    const designer = await signer("designer");
    for (let i = 0; i < 5; i += 1)
      await expect(
        zh(signAcceptance(db, designer, id, { password: "nope", image, opinion: "" })),
      ).rejects.toThrow("密码不正确");
    await expect(
      zh(signAcceptance(db, designer, id, { password: DEMO_PASSWORD, image, opinion: "" })),
    ).rejects.toThrow("密码验证尝试过于频繁");
    expect(await db.signature.count({ where: { participant: { acceptanceId: id } } })).toBe(0);
  });

  it("rejects a blank or forged signature image", async () => {
    const blank = await sharp({
      create: { width: 300, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect(
      await parseSignatureDataUrl(`data:image/png;base64,${blank.toString("base64")}`),
    ).toEqual({
      error: "请先在签字框内手写签名",
    });
    expect(await parseSignatureDataUrl("data:image/png;base64,aGVsbG8=")).toEqual({
      error: "签名图片无效，请清除后重签",
    });
  });

  it("exports the defect register and lot list honouring the page's filters", async () => {
    const { bureau } = await users();
    const nh = await db.compound.findUniqueOrThrow({ where: { code: "CB" } });
    const xlsx = await defectRegisterXlsx(db, bureau, "any", { compoundId: nh.id, status: "open" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell("A1").value).toBe("质量问题台账");
    expect(String(ws.getCell("A2").value)).toContain("小区 城西乙小区；状态 待整改");
    const numbers = ws.getColumn(1).values.slice(4);
    expect(numbers).toEqual(["CB-QX-002"]);

    const lots = await lotListXlsx(db, bureau, "any", {
      compoundId: nh.id,
      workType: "stair-railing",
    });
    await wb.xlsx.load(lots as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("检验批清单")!;
    expect(sheet.getRow(4).getCell(3).value).toBe("楼梯栏杆、扶手维修加固");
    expect(sheet.rowCount).toBe(4);

    const pdf = await defectRegisterPdf(db, bureau, "any", { compoundId: nh.id });
    const text = pdfText(pdf);
    expect(text).toContain("质量问题台账");
    expect(text).toContain("CB-QX-001");
    expect(text).toContain("CB-QX-002");
  });
});
