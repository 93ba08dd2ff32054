import fs from "node:fs";
import path from "node:path";
import { cameraJpeg } from "../support/images";
import { TMP_DIR } from "../support/paths";
import { expect, pageAs, test } from "./fixtures";
import { drawSignature, openLot } from "./lot-steps";
import { signIn } from "./support";

test.describe.configure({ timeout: 150_000 });
test.use({ worldRoles: ["contractor", "supervisor"], worldSetup: { password: true } });

// 隐蔽工程验收 (GB 50300-2013 §3.0.6-5) on the spec's own compound once the 总监 has approved its
// plan: the lot waits; the contractor notifies with a photo; the supervisor signs; the lot may go on.
test("contractor notifies a concealed-work inspection with a photo, the supervisor signs, the lot may go on", async ({
  browser,
  world,
}) => {
  const chief = await browser.newPage();
  await signIn(chief, "zongjian");
  await chief.goto(`/compounds/${world.compound.id}/plan`);
  await chief.getByRole("button", { name: "生成检验批划分方案" }).click();
  await chief.getByRole("button", { name: "批准方案" }).click();
  await expect(chief.getByRole("status")).toBeVisible();

  const contractor = await pageAs(browser, world, "contractor");
  await openLot(contractor, "1栋", "1单元", "楼道线路规范整理", world.compound.name);
  const holds = contractor.getByTestId("concealed-holds");
  await expect(holds).toContainText("1栋1单元");
  const lotUrl = contractor.url();
  await holds.getByRole("link").first().click();
  await contractor.getByLabel("隐蔽内容（规格、数量、做法）").fill("PVC 导管 Φ20 暗敷，接线盒固定");
  fs.mkdirSync(TMP_DIR, { recursive: true });
  const file = path.join(TMP_DIR, "concealed-e2e.jpg");
  fs.writeFileSync(file, await cameraJpeg({ seed: 9 }));
  await contractor.getByLabel("隐蔽前照片（至少一张）").setInputFiles(file);
  await contractor.getByRole("button", { name: "通知监理验收" }).click();
  await expect(contractor.getByTestId("concealed-next")).toHaveText("等待监理验收签认。");
  const recordUrl = contractor.url();
  await contractor.screenshot({ path: path.join(TMP_DIR, "concealed-record.png"), fullPage: true });

  const supervisor = await pageAs(browser, world, "supervisor");
  await supervisor.goto(recordUrl);
  await expect(supervisor.locator(".photo-row img")).toHaveCount(1);
  await drawSignature(supervisor);
  await supervisor.getByLabel("登录密码").fill("yanshou2021");
  await supervisor.getByRole("button", { name: "签认", exact: true }).click();
  await expect(supervisor.getByRole("status")).toHaveText("已签认。");
  await supervisor.setViewportSize({ width: 768, height: 1024 });
  await supervisor.screenshot({ path: path.join(TMP_DIR, "concealed-signed.png"), fullPage: true });

  await contractor.goto(lotUrl);
  await expect(contractor.getByTestId("next-step")).toBeVisible();
  await expect(contractor.getByTestId("concealed-holds")).toHaveCount(0);
});
