import { expect, test } from "@playwright/test";
import { simulatorFor } from "./fixtures/simulator";
import { newUser, signUpViaUi } from "./fixtures/users";

const timeScale = Number(process.env.WAHA_SIM_TIME_SCALE ?? "1");
const chipIdFromUrl = (url: string) => /\/chips\/([0-9a-f-]{36})$/.exec(new URL(url).pathname)?.[1] ?? "";

test("[CHIPS]: shows the QR with a countdown, follows a new QR and the pairing without reload, then deletes", async ({ page }) => {
  await signUpViaUi(page, newUser("chips"));
  await page.getByLabel("Nome do chip").fill("Loja Centro");
  await page.getByRole("button", { name: "Adicionar chip" }).click();
  await expect(page).toHaveURL(/\/chips\/[0-9a-f-]{36}$/);
  const chipId = chipIdFromUrl(page.url());
  let navigations = 0;
  page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations++);

  const qr = page.getByTestId("chip-qr");
  await expect(qr).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("qr-countdown")).toHaveText(/Expira em \d+ s/);
  const firstQr = await qr.getAttribute("src");

  const sim = await simulatorFor(chipId);
  await sim.expireQr();
  await expect(qr).not.toHaveAttribute("src", firstQr ?? "");
  // A rotated code lives 20 s (scaled), never the first code's 60 s.
  const seconds = Number((await page.getByTestId("qr-countdown").textContent())?.match(/\d+/)?.[0]);
  expect(seconds).toBeLessThanOrEqual(Math.ceil(20 * timeScale));

  await page.getByRole("button", { name: "Usar um código de pareamento" }).click();
  await page.getByLabel("Número do celular (com DDI e DDD)").fill("5511912345678");
  await page.getByRole("button", { name: "Gerar código" }).click();
  await expect(page.getByTestId("pairing-code")).toHaveText(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);

  await sim.pair("5511912345678", "Loja Centro");
  await expect(page.getByTestId("chip-connected")).toContainText("+5511912345678");
  await expect(page.getByTestId("chip-status")).toHaveText("Conectado");
  expect(navigations).toBe(0);

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Excluir" }).click();
  await expect(page).toHaveURL(/\/chips$/);
  await expect(page.getByText("Nenhum chip ainda")).toBeVisible();
});

test("[CHIPS]: the list shows the new chip and its status live", async ({ page }) => {
  await signUpViaUi(page, newUser("chips"));
  await page.getByLabel("Nome do chip").fill("Filial");
  await page.getByRole("button", { name: "Adicionar chip" }).click();
  await expect(page).toHaveURL(/\/chips\/[0-9a-f-]{36}$/);
  const chipId = chipIdFromUrl(page.url());
  await expect(page.getByTestId("chip-qr")).toBeVisible({ timeout: 30_000 });

  await page.getByRole("link", { name: /Voltar aos chips/ }).click();
  const row = page.locator(`[data-chip-id="${chipId}"]`);
  await expect(row.getByTestId("chip-status")).toHaveText("Aguardando leitura do QR");
  await (await simulatorFor(chipId)).pair("5511955554444");
  await expect(row.getByTestId("chip-status")).toHaveText("Conectado");
  await expect(row).toContainText("+5511955554444");
});

test("[CHIPS]: another user's chip page answers not found", async ({ browser }) => {
  const owner = await browser.newPage();
  await signUpViaUi(owner, newUser("owner"));
  await owner.getByLabel("Nome do chip").fill("Privado");
  await owner.getByRole("button", { name: "Adicionar chip" }).click();
  await expect(owner).toHaveURL(/\/chips\/[0-9a-f-]{36}$/);
  const chipId = chipIdFromUrl(owner.url());

  const context = await browser.newContext();
  const intruder = await context.newPage();
  await signUpViaUi(intruder, newUser("intruder"));
  await intruder.goto(`/chips/${chipId}`);
  await expect(intruder.getByText("Chip não encontrado.")).toBeVisible();
  expect((await intruder.request.get(`/api/chips/${chipId}/events`)).status()).toBe(404);
  await context.close();
});
