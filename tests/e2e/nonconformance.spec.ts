import { drawingSetPdf } from "../../prisma/seed/drawing-pdf";
import { expect, pageAs, test } from "./fixtures";
import { fillChecklist, openLot, signLotStep, waitSaved } from "./lot-steps";

test.use({ worldRoles: ["contractor", "supervisor"], worldSetup: { password: true } });

// GB 50300-2013 §5.0.6-2: a lot whose verdict fails is accepted after 检测鉴定 by a qualified
// testing body, with the report attached; the record says so, the verdict stays 不合格.
test("a failing lot accepted after 检测鉴定 (§5.0.6-2): the routes explained, the report attached, refused without it, the 附录E record names the clause and the report", async ({
  browser,
  world,
}) => {
  test.setTimeout(180_000);
  const contractor = await pageAs(browser, world, "contractor");
  const lotUrl = await openLot(
    contractor,
    "1栋",
    "1单元",
    "楼梯栏杆、扶手维修加固",
    world.compound.name,
  );
  await fillChecklist(contractor, { code: "SR-M7", value: 0.5 });
  await waitSaved(contractor);
  await contractor.getByLabel("施工操作依据、质量验收记录齐全").check();
  await contractor.getByRole("button", { name: "保存资料情况" }).click();
  await expect(contractor.getByRole("status")).toHaveText("已保存");
  await signLotStep(contractor, "提交施工自检");
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");

  const supervisor = await pageAs(browser, world, "supervisor");
  await supervisor.goto(lotUrl);
  const panel = supervisor.getByTestId("lot-nonconformance");
  await expect(panel).toContainText("返工或返修后重新验收");
  await expect(panel).toContainText("检测鉴定");
  await expect(panel).toContainText("原设计单位核算");
  await expect(supervisor.getByRole("button", { name: "验收签认" })).toBeDisabled();
  for (const [width, height] of [
    [1024, 768],
    [768, 1024],
  ] as const) {
    await supervisor.setViewportSize({ width, height });
    await panel.screenshot({ path: `test-results/nonconformance-panel-${width}x${height}.png` });
  }
  await panel.getByRole("link", { name: "登记检测鉴定或设计核算" }).click();

  await supervisor.getByLabel("检测机构或原设计单位").fill("县建设工程质量检测中心");
  await supervisor.getByLabel("报告或核算文件编号").fill("JC-2026-0118");
  await supervisor.getByLabel("说明").fill("栏杆水平推力现场检测满足设计要求");
  // Without the document the server refuses in words, beside the field, and keeps nothing.
  await supervisor.locator("input[name=document]").evaluate((e) => e.removeAttribute("required"));
  await supervisor.getByRole("button", { name: "登记", exact: true }).click();
  await expect(supervisor.getByText("请附检测报告或核算文件（PDF 或照片）")).toBeVisible();

  const pdf = Buffer.from(await drawingSetPdf([{ number: "JC-01", title: "TEST REPORT" }]));
  await supervisor.getByLabel("说明").fill("栏杆水平推力现场检测满足设计要求");
  await supervisor.getByLabel("检测机构或原设计单位").fill("县建设工程质量检测中心");
  await supervisor.getByLabel("报告或核算文件编号").fill("JC-2026-0118");
  await supervisor
    .locator("input[name=document]")
    .setInputFiles({ name: "JC-2026-0118.pdf", mimeType: "application/pdf", buffer: pdf });
  await supervisor.getByRole("button", { name: "登记", exact: true }).click();
  await expect(supervisor.getByTestId("lot-route")).toContainText("已登记检测鉴定");
  await expect(supervisor.getByTestId("lot-route")).toContainText("JC-2026-0118.pdf");

  await signLotStep(supervisor, "验收签认");
  await expect(supervisor.locator(".lot-status")).toHaveText("监理验收合格");
  await expect(supervisor.getByTestId("lot-route")).toContainText(
    "按 GB 50300-2013 第5.0.6条第2款 经检测鉴定予以验收",
  );

  await supervisor.goto(`${lotUrl}/record`);
  const record = supervisor.getByTestId("record-nonconformance");
  await expect(record).toContainText("按 GB 50300-2013 第5.0.6条第2款 经检测鉴定予以验收");
  await expect(record).toContainText("JC-2026-0118.pdf");
  await expect(record).toContainText("县建设工程质量检测中心");
});
