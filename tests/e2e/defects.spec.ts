import { cameraJpeg } from "../support/images";
import { expect, pageAs, test } from "./fixtures";
import { expectPageLanguage, setLanguage } from "./language";
import { correctPoint, fillChecklist, openLot, signLotStep } from "./lot-steps";
import { choosePhotos } from "./support";

// The spec's own compound (7 storeys: railings of at least 1.10 m, GB 50096 §6.1.3), its
// contractor, a supervisor and an outside contractor, signed in by session.
test.use({
  worldRoles: ["contractor", "supervisor"],
  worldSetup: { others: ["contractor"], password: true, floors: 7 },
});

// Four people and a whole checklist: longer than the default 60 s when the machine is busy.
test.describe.configure({ timeout: 150_000 });

const jpeg = async (name: string, seed: number) => ({
  name,
  mimeType: "image/jpeg",
  buffer: await cameraJpeg({ width: 640, height: 480, orientation: 1, seed }),
});

test("a defect from a failing item: rectified, returned once, closed; then the lot is accepted", async ({
  browser,
  baseURL,
  world,
}) => {
  const contractor = await pageAs(browser, world, "contractor");
  const lotUrl = await openLot(
    contractor,
    "1栋",
    "1单元",
    "楼梯栏杆、扶手维修加固",
    world.compound.name,
  );
  await fillChecklist(contractor, { code: "SR-M7", value: 1.0 });
  await contractor.getByLabel("施工操作依据、质量验收记录齐全").check();
  await contractor.getByRole("button", { name: "保存资料情况" }).click();
  await expect(contractor.getByRole("status")).toHaveText("已保存");
  await signLotStep(contractor, "提交施工自检");
  await expect(contractor.locator(".lot-status")).toHaveText("施工自检已提交");

  // The supervisor logs a defect from the failing item.
  const supervisor = await pageAs(browser, world, "supervisor");
  await supervisor.goto(lotUrl);
  const failing = supervisor.locator("[data-code='SR-M7']");
  await choosePhotos(failing, await jpeg("栏杆高度.jpg", 1));
  await expect(failing.locator(".photo-grid img")).toHaveCount(1);
  await supervisor.getByTestId("raise-defect-SR-M7").click();
  await expect(supervisor.getByRole("heading", { name: "登记质量问题" })).toBeVisible();
  await expect(supervisor.getByLabel("问题标题")).toHaveValue(/不合格/);
  await expect(supervisor.getByLabel("问题描述")).toHaveValue(/实测值：1 m/);
  await expect(supervisor.getByLabel("问题描述")).toHaveValue(/1\.00 m < 1\.10 m/);
  await supervisor.getByLabel("严重程度").selectOption("major");
  await supervisor.getByRole("button", { name: "登记", exact: true }).click();
  await expect(supervisor.getByTestId("defect-status")).toHaveText("待整改");
  const defectUrl = supervisor.url();
  expect(defectUrl).toMatch(/\/defects\/[^/]+$/);
  // The item's photo came along as the defect's 整改前 photo.
  await expect(supervisor.getByTestId("photos-before").locator(".photo-grid img")).toHaveCount(1);

  // The contractor finds it in 我的整改, acknowledges and replies.
  await contractor.getByRole("link", { name: "质量问题" }).click();
  await expect(contractor.getByRole("heading", { name: "我的整改" })).toBeVisible();
  const row = contractor.locator("tr", { hasText: "不合格" }).first();
  await expect(row).toContainText("待整改");
  await row.getByRole("link").click();
  await contractor.getByRole("button", { name: "确认整改" }).click();
  await expect(contractor.getByTestId("defect-status")).toHaveText("整改中");
  await contractor.getByLabel("整改情况说明").fill("已加高栏杆至1.08m");
  await contractor.getByRole("button", { name: "提交整改回复" }).click();
  await expect(contractor.getByRole("alert")).toHaveText("提交整改回复前请先上传整改后照片");
  const after = contractor.getByTestId("photos-after");
  await choosePhotos(after, await jpeg("加高后.jpg", 2));
  await expect(after.locator(".photo-grid img")).toHaveCount(1);
  // The contractor marks the fix on its own 整改后 photo (标注), a layer over the kept original.
  await after.locator(".photo-grid img").click();
  await contractor.getByRole("button", { name: "标注", exact: true }).click();
  const layer = contractor.getByTestId("markup-layer");
  const box = (await layer.boundingBox())!;
  await contractor.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.5);
  await contractor.mouse.down();
  await contractor.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.5, { steps: 8 });
  await contractor.mouse.up();
  await expect(layer).toHaveAttribute("data-shapes", "1");
  await contractor.screenshot({ path: ".tmp/screens/defect-markup-1024x768.png" });
  await contractor.getByRole("button", { name: "保存标注" }).click();
  await expect(contractor.locator(".photo-stage img")).toHaveAttribute("src", /\/annotated\?v=1$/);
  await contractor.setViewportSize({ width: 768, height: 1024 });
  await contractor.screenshot({ path: ".tmp/screens/defect-marked-768x1024.png" });
  await contractor.setViewportSize({ width: 1024, height: 768 });
  await contractor.getByRole("button", { name: "关闭" }).click();
  await expect(contractor.getByTestId("reply-photos")).toHaveText("本次回复将附 1 张整改后照片");
  await contractor.getByLabel("整改情况说明").fill("已加高栏杆至1.08m");
  await contractor.getByRole("button", { name: "提交整改回复" }).click();
  await expect(contractor.getByTestId("defect-status")).toHaveText("待复查");

  // The supervisor re-measures; acceptance is still blocked by the open defect.
  await supervisor.goto(lotUrl);
  await expect(supervisor.getByTestId("lot-open-defects")).toContainText(
    "本检验批还有未关闭的质量问题",
  );
  const sm7 = supervisor.locator("[data-code='SR-M7']");
  await correctPoint(sm7, 1, 1.12);
  await expect(supervisor.locator(".verdict-status")).toHaveText("合格");
  await expect(supervisor.locator(".save-state:not(.save-saved)")).toHaveCount(0);
  await signLotStep(supervisor, "验收签认");
  await expect(supervisor.getByRole("alert")).toContainText("本检验批还有未关闭的质量问题");
  await expect(supervisor.locator(".lot-status")).toHaveText("施工自检已提交");

  // Returned once with a reason, replied again, then closed.
  await supervisor.goto(defectUrl);
  await supervisor.getByLabel("说明或退回原因").fill("焊缝未打磨");
  await supervisor.getByRole("button", { name: "退回" }).click();
  await expect(supervisor.getByTestId("defect-status")).toHaveText("整改中");
  await contractor.goto(defectUrl);
  await expect(contractor.getByText("监理退回原因：焊缝未打磨")).toBeVisible();
  await choosePhotos(after, await jpeg("打磨后.jpg", 3));
  await expect(after.locator(".photo-grid img")).toHaveCount(2);
  await contractor.getByLabel("整改情况说明").fill("已打磨并刷防锈漆");
  await contractor.getByRole("button", { name: "提交整改回复" }).click();
  await expect(contractor.getByTestId("defect-status")).toHaveText("待复查");
  await supervisor.goto(defectUrl);
  await supervisor.getByRole("button", { name: "复查通过关闭" }).click();
  await expect(supervisor.getByTestId("defect-status")).toHaveText("已关闭");
  // Closed: the evidence is fixed, the viewer offers no 标注 any more.
  await supervisor.getByTestId("photos-before").locator(".photo-grid img").click();
  await expect(supervisor.getByRole("link", { name: "下载原图" })).toBeVisible();
  await expect(supervisor.getByRole("button", { name: /标注/ })).toHaveCount(0);
  await supervisor.getByRole("button", { name: "关闭" }).click();

  const history = supervisor.getByTestId("defect-history");
  for (const step of [
    "监理登记质量问题",
    "施工单位确认整改",
    "施工单位提交整改回复——已加高栏杆至1.08m",
    "监理复查退回——焊缝未打磨",
    "施工单位提交整改回复——已打磨并刷防锈漆",
    "监理复查通过，关闭",
  ])
    await expect(history).toContainText(step);
  await expect(history.locator("li")).toHaveCount(6);
  // Each reply shows the photos it brought; before and after sit side by side.
  await expect(history.locator(".history-photos img")).toHaveCount(3);
  const afterPhotos = supervisor.getByTestId("photos-after").locator(".photo-grid img");
  await expect(afterPhotos).toHaveCount(2);
  const afterPhotoSrc = await afterPhotos.first().getAttribute("src");

  await supervisor.goto(lotUrl);
  await expect(supervisor.getByTestId("lot-open-defects")).toHaveCount(0);
  await signLotStep(supervisor, "验收签认");
  await expect(supervisor.locator(".lot-status")).toHaveText("监理验收合格");

  // Another contractor cannot open the defect, even with its address.
  const other = await pageAs(browser, world, "other-contractor");
  expect((await other.goto(defectUrl))?.status()).toBe(404);
  await other.goto("/defects");
  await expect(other.getByText("不合格")).toHaveCount(0);
  expect((await other.goto(afterPhotoSrc!))?.status()).toBe(404);

  // The closed defect, with its history and photos, and the register read wholly in English or
  // in Chinese (titles, notes and places are data).
  for (const lng of ["en", "zh-CN"] as const) {
    await setLanguage(supervisor.context(), baseURL!, lng);
    for (const url of [defectUrl, "/defects"]) {
      await supervisor.goto(url);
      await expectPageLanguage(supervisor, lng);
    }
  }
});
