import { drawingSetPdf } from "../support/pdfs";
import { contextAs, expect, readsInBothLanguages, test } from "./fixtures";

test.describe.configure({ timeout: 120_000 });
// The spec's own compound with its supervisor and contractor (fixtures.ts).
test.use({ worldRoles: ["supervisor", "contractor"] });

const ELEC = "建筑电气";

test("the contractor uploads a certificate, the 监理 checks it and a test is recorded: the 分部's gaps shrink", async ({
  browser,
  world,
}) => {
  const evidence = `/compounds/${world.compound.id}/evidence`;
  const supervisor = await (await contextAs(browser, world, "supervisor")).newPage();
  // The plan's 分部 are the page's sections: the supervisor drafts the plan first.
  await supervisor.goto(`/compounds/${world.compound.id}/plan`);
  await supervisor.getByRole("button", { name: "生成检验批划分方案" }).click();
  await expect(supervisor.getByRole("status")).toBeVisible();

  const contractor = await (await contextAs(browser, world, "contractor")).newPage();
  await contractor.goto(`/compounds/${world.compound.id}`);
  await contractor.getByRole("link", { name: "质量控制资料与安全功能检验" }).click();
  const section = contractor.getByTestId(`division-${ELEC}`);
  await expect(
    contractor.getByRole("heading", { name: "质量控制资料与安全功能检验" }),
  ).toBeVisible();
  const gaps = section.getByTestId("evidence-gaps").locator("li");
  await expect(gaps.first()).toBeVisible();
  const before = await gaps.count();
  expect(before).toBeGreaterThan(2);

  const pdf = await drawingSetPdf([{ number: "QC-1", title: "CERT" }], { detail: 2 });
  const upload = section.locator("form.evidence-upload");
  // A fake PDF is refused in this 分部's own form and stores nothing; an empty title is caught
  // in the browser before sending. (One test: the world's compound is shared by the file.)
  await upload.getByLabel("资料类别").selectOption("certificates");
  await upload.getByLabel("资料名称").fill("合格证");
  await upload.getByLabel(/文件/).setInputFiles({
    name: "cert.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("not a PDF"),
  });
  await upload.getByRole("button", { name: "上传" }).click();
  await expect(upload.getByRole("alert")).toContainText("文件不是 PDF 或照片");
  await expect(contractor.getByRole("alert")).toHaveCount(1);
  await expect(section.getByTestId("kind-certificates")).toContainText("未上传");
  await expect(gaps).toHaveCount(before);
  await upload.getByLabel("资料名称").fill("");
  await upload.getByRole("button", { name: "上传" }).click();
  await expect(upload.locator(".field-error")).toBeVisible();
  await contractor.screenshot({ path: ".tmp/pw/evidence-upload-refused-1024.png" });

  await upload.getByLabel("资料类别").selectOption("certificates");
  await upload.getByLabel("资料名称").fill("导管、电线合格证");
  await upload.getByLabel(/文件/).setInputFiles({
    name: "cert.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from(pdf),
  });
  await upload.getByRole("button", { name: "上传" }).click();
  await expect(contractor.getByRole("status")).toHaveText("资料已上传，待监理核查。");
  await expect(section.getByText("待核查")).toBeVisible();

  await supervisor.goto(evidence);
  const sv = supervisor.getByTestId(`division-${ELEC}`);
  await sv.getByRole("button", { name: "核查通过" }).click();
  await expect(supervisor.getByRole("status")).toHaveText("资料已核查通过。");
  await expect(sv.getByTestId("evidence-gaps").locator("li")).toHaveCount(before - 1);

  // GB 50303-2015 §17.1.2: insulation ≥ 0.5 MΩ at the first planned 单元
  const form = sv.getByTestId("test-insulation").locator("form");
  await form.getByLabel(/实测值/).fill("2.5 1.8");
  await form.getByLabel(/检验人/).fill("德江县电力检测所");
  await form.getByRole("button", { name: "记录" }).click();
  await expect(supervisor.getByRole("status")).toHaveText("检验已记录：符合。");
  await expect(sv.getByTestId("evidence-gaps").locator("li")).toHaveCount(before - 2);
  await supervisor.screenshot({ path: ".tmp/pw/evidence-zh-1024.png", fullPage: false });

  // the page reads wholly in English and in Chinese, at a landscape and a portrait tablet
  await readsInBothLanguages(browser, world, "supervisor", [evidence], async (page, lng) => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.screenshot({ path: `.tmp/pw/evidence-${lng}-768.png`, fullPage: false });
  });
});
