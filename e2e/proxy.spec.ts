import { expect, test } from "@playwright/test";
import { ownerProxyAssignments } from "./fixtures/proxy";
import { simulatorFor } from "./fixtures/simulator";
import { newUser, signUpViaUi } from "./fixtures/users";

// The server runs with PROXY_GATEWAY_* and PROXY_CHECK_TARGET on loopback; e2e/global-setup.ts runs that gateway
// (a real proxy demanding credentials) and the probe target.
const gatewayUser = process.env.PROXY_GATEWAY_USERNAME ?? "";

test("[PROXIES]: a chip shows its exit's health, checks it on demand and moves to a new IP", async ({ page }) => {
  test.skip(!process.env.PROXY_GATEWAY_PORT, "the e2e server has no proxy gateway configured");
  await signUpViaUi(page, newUser("proxies"));
  await expect(page.getByTestId("proxy-quota")).toHaveText("Proxies em uso: 0 de 10");
  await page.getByLabel("Nome do chip").fill("Com proxy");
  await page.getByRole("button", { name: "Adicionar chip" }).click();
  await expect(page).toHaveURL(/\/chips\/[0-9a-f-]{36}$/);
  const chipId = /\/chips\/([0-9a-f-]{36})$/.exec(new URL(page.url()).pathname)![1]!;

  // The simulator tunnels through the chip's exit, with its credentials, before it shows a QR.
  await expect(page.getByTestId("chip-qr")).toBeVisible({ timeout: 30_000 });
  const sim = await simulatorFor(chipId);
  const firstCheck = (await sim.state()).proxyCheck;
  expect(firstCheck).toMatchObject({ ok: true });
  const [first] = await ownerProxyAssignments(chipId);
  expect(first!.username).toMatch(new RegExp(`^${gatewayUser}_session-[a-z0-9]{12}$`));

  const state = page.getByTestId("proxy-state");
  await expect(state).toHaveAttribute("data-health", "UNKNOWN");
  await page.getByTestId("proxy-check").click();
  await expect(state).toHaveAttribute("data-health", "HEALTHY");
  await expect(page.getByTestId("proxy-health")).toHaveText("Saudável");
  await expect(page.getByTestId("proxy-exit")).toHaveText("127.0.0.1");
  await expect(page.getByTestId("proxy-latency")).toHaveText(/^\d+ ms$/);

  await sim.pair("5511933332222");
  await expect(page.getByTestId("chip-status")).toHaveText("Conectado");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByTestId("proxy-rotate").click();
  await expect(state).toHaveAttribute("data-health", "UNKNOWN");
  await expect.poll(async () => (await ownerProxyAssignments(chipId)).map((a) => a.released)).toEqual([false, true]);
  const [rotated] = await ownerProxyAssignments(chipId);
  expect(rotated!.username).not.toBe(first!.username);
  // WAHA restarted the session through the new exit, and the chip came back paired without a QR.
  await expect.poll(async () => (await sim.state()).proxyCheck?.checkedAt ?? 0).toBeGreaterThan(firstCheck!.checkedAt);
  await expect(page.getByTestId("chip-status")).toHaveText("Conectado");
  await page.getByTestId("proxy-check").click();
  await expect(state).toHaveAttribute("data-health", "HEALTHY");
  await expect(page.locator("body")).not.toContainText(process.env.PROXY_GATEWAY_PASSWORD ?? "<unset>");

  // The list shows every chip's exit and its health at a glance.
  await page.goto("/chips");
  await expect(page.getByTestId("chip-row-proxy")).toContainText("127.0.0.1:");
  await expect(page.getByTestId("chip-row-proxy")).toContainText("Saudável");
});
