/** Creating a learner profile through 我的学习's form, as a volunteer does (browser tests and the bench). */
import type { Page } from "playwright-core";

/** On /me/: open the form if needed, fill it in, save, and wait for the new learner's progress. */
export async function createLearnerOnMe(page: Page, name: string, township = "城关镇", village = "东关村"): Promise<void> {
  const form = page.locator("form.me-form");
  const create = page.getByRole("button", { name: "新建学员档案" });
  // The page draws either the form (no learner yet) or the button: wait for one before choosing.
  await form.or(create).first().waitFor();
  if (!(await form.isVisible())) await create.click();
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("乡镇（街道）").fill(township);
  await page.getByLabel("村（社区）").fill(village);
  await page.getByRole("button", { name: "保存" }).click();
  await page.getByRole("heading", { name: new RegExp(`学习进度 · ${name}`) }).waitFor();
}
