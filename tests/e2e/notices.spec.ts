import { cameraJpeg } from "../support/images";
import { expect, pageAs, test } from "./fixtures";
import { expectPageLanguage, setLanguage } from "./language";
import { choosePhotos, expectTouchTargets } from "./support";

// The spec's own compound, its contractor, a supervisor and an outside contractor (fixtures.ts).
test.use({ worldRoles: ["contractor", "supervisor"], worldSetup: { others: ["contractor"] } });

test.describe.configure({ timeout: 150_000 });

const jpeg = async (name: string, seed: number) => ({
  name,
  mimeType: "image/jpeg",
  buffer: await cameraJpeg({ width: 640, height: 480, orientation: 1, seed }),
});

test("a standalone defect goes out on a 监理通知单; the contractor hears of it, fixes it and answers with a 回复单", async ({
  browser,
  baseURL,
  world,
}) => {
  const supervisor = await pageAs(browser, world, "supervisor");
  await supervisor.goto(`/compounds/${world.compound.id}`);
  await supervisor.getByRole("link", { name: "登记质量问题" }).click();
  await expect(supervisor.getByLabel("整改单位")).toHaveValue(/.+/);
  await supervisor.getByLabel("部位").fill("3栋 北侧外墙");
  await supervisor.getByLabel("工程类别").selectOption({ label: "楼道墙面美化/粉刷" });
  await supervisor.getByLabel("问题标题").fill("外墙涂料起皮脱落");
  await supervisor.getByRole("button", { name: "登记", exact: true }).click();
  await expect(supervisor.getByTestId("defect-status")).toHaveText("待整改");
  const defectUrl = supervisor.url();
  const before = supervisor.getByTestId("photos-before");
  await choosePhotos(before, await jpeg("起皮.jpg", 11));
  await expect(before.locator(".photo-grid img")).toHaveCount(1);

  // The notice: this compound's contractor, the new defect ticked.
  await supervisor.getByRole("link", { name: "通知单" }).click();
  const pair = supervisor.getByLabel("小区及施工单位");
  const ours = pair.locator("option", { hasText: `${world.compound.name} · ` });
  await pair.selectOption((await ours.getAttribute("value")) ?? "");
  await supervisor.getByRole("button", { name: "签发通知单" }).click();
  const tick = supervisor.getByRole("checkbox", { name: /外墙涂料起皮脱落/ });
  await expect(tick).toBeChecked();
  await supervisor.getByRole("button", { name: "签发", exact: true }).click();
  await expect(supervisor.getByTestId("notice-status")).toHaveText("待回复");
  const noticeUrl = supervisor.url();
  await expectTouchTargets(supervisor);

  // The contractor sees the unread count and opens the notice from the inbox.
  const contractor = await pageAs(browser, world, "contractor");
  await contractor.goto("/");
  await expect(contractor.getByTestId("unread-count")).toBeVisible();
  await contractor.getByRole("link", { name: /^消息/ }).click();
  await contractor
    .getByRole("button", { name: /监理通知单.*外墙|监理通知单/ })
    .first()
    .click();
  await expect(contractor).toHaveURL(noticeUrl);
  await expect(contractor.getByText(/还有 1 项质量问题未提交整改回复/)).toBeVisible();

  // Fix it: acknowledge, photograph, reply; then the 回复单.
  await contractor.goto(defectUrl);
  await contractor.getByRole("button", { name: "确认整改" }).click();
  const after = contractor.getByTestId("photos-after");
  await choosePhotos(after, await jpeg("重刷后.jpg", 12));
  await expect(after.locator(".photo-grid img")).toHaveCount(1);
  await contractor.getByLabel("整改情况说明").fill("铲除起皮层，重新批腻子刷涂料");
  await contractor.getByRole("button", { name: "提交整改回复" }).click();
  await expect(contractor.getByTestId("defect-status")).toHaveText("待复查");
  await contractor.goto(noticeUrl);
  await contractor.getByRole("button", { name: "提交回复单" }).click();
  await expect(contractor.getByTestId("notice-status")).toHaveText("已回复");

  // The supervisor is told, and the printed forms carry both sides.
  await supervisor.goto("/inbox");
  await expect(supervisor.getByTestId("inbox")).toContainText("已回复");
  await supervisor.goto(`${noticeUrl}/print`);
  await expect(supervisor.getByRole("heading", { name: "监理通知单" })).toBeVisible();
  await expect(supervisor.locator("main")).toContainText("外墙涂料起皮脱落");
  await expect(supervisor.locator("main")).toContainText("铲除起皮层，重新批腻子刷涂料");
  await expect(supervisor.locator(".notice-print-photos img")).toHaveCount(2);

  // The other contractor cannot open the notice.
  const other = await pageAs(browser, world, "other-contractor");
  expect((await other.goto(noticeUrl))?.status()).toBe(404);

  // The defect and notice pages read wholly in English or in Chinese (names and notes are data).
  for (const lng of ["en", "zh-CN"] as const) {
    await setLanguage(supervisor.context(), baseURL!, lng);
    for (const url of ["/defects", defectUrl, "/notices", noticeUrl, "/notices/new"]) {
      await supervisor.goto(url);
      await expectPageLanguage(supervisor, lng);
      if (lng === "en" && (url === defectUrl || url === noticeUrl)) {
        const name = url === defectUrl ? "defect" : "notice";
        for (const [width, height] of [
          [1024, 768],
          [768, 1024],
        ] as const) {
          await supervisor.setViewportSize({ width, height });
          await supervisor.screenshot({
            path: `.tmp/screens/${name}-en-${width}x${height}.png`,
            fullPage: true,
          });
        }
        await supervisor.setViewportSize({ width: 1024, height: 768 });
      }
    }
  }
});
