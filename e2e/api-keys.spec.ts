import { expect, test } from "@playwright/test";
import { logInViaUi, newUser, signUpViaUi } from "./fixtures/users";

test("[API]: create a key in the UI, list chips with it over HTTP, revoke it", async ({ page, request }) => {
  await signUpViaUi(page, newUser("api"));
  await page.getByRole("link", { name: "Chaves de API" }).click();
  await expect(page.getByRole("heading", { name: "Chaves de API" })).toBeVisible();

  await page.getByLabel("Nome da chave").fill("n8n");
  await page.getByRole("button", { name: "Criar chave" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^whago_[0-9a-f]{8}_/);
  const row = page.getByTestId("api-key-row").filter({ hasText: "n8n" });
  await expect(row).toContainText(key.slice(0, 14));
  await expect(row).toContainText("read");

  const list = await request.get("/api/v1/chips", { headers: { "X-Api-Key": key } });
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual({ chips: [] });
  expect(list.headers()["x-ratelimit-limit"]).toBeTruthy();

  const noKey = await request.get("/api/v1/chips");
  expect(noKey.status()).toBe(401);
  expect((await noKey.json()).error.code).toBe("UNAUTHORIZED");

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revogar" }).click();
  await expect(row).toContainText("Revogada");
  const revoked = await request.get("/api/v1/chips", { headers: { "X-Api-Key": key } });
  expect(revoked.status()).toBe(401);
});

test("[API]: the docs page lists every route of the OpenAPI document", async ({ page, request }) => {
  const document = await (await request.get("/api/v1/openapi.json")).json();
  expect(document.openapi).toBe("3.1.0");
  await signUpViaUi(page, newUser("docs"));
  await page.getByRole("link", { name: "Documentação da API" }).click();
  for (const path of Object.keys(document.paths)) {
    await expect(page.getByRole("heading", { name: path }).first()).toBeVisible();
  }
});

test("[LIMITS]: the log-in form explains the wait after too many wrong passwords", async ({ page }) => {
  const user = newUser("limit");
  await signUpViaUi(page, user);
  await page.getByRole("button", { name: "Conta" }).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);
  // The default per-email limit is 5 attempts per 15 minutes. Sign-up logged in once; four wrong passwords make
  // five attempts, and the sixth is refused, right password or not.
  for (let i = 0; i < 4; i++) {
    await logInViaUi(page, { email: user.email, password: `wrong-${i}` });
    await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
  }
  await logInViaUi(page, { email: user.email, password: user.password });
  await expect(page.getByText(/^Muitas tentativas. Tente de novo em \d+ s.$/)).toBeVisible();
});
