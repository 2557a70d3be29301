import { expect, type Page, test } from "@playwright/test";
import { simulatorFor } from "./fixtures/simulator";
import { newUser, signUpViaUi } from "./fixtures/users";

const chipIdFromUrl = (url: string) => /\/chips\/([0-9a-f-]{36})$/.exec(new URL(url).pathname)?.[1] ?? "";

/** Adds a chip from the list page and pairs it as `phone` once its QR is up; resolves on the chip's page. */
async function addPairedChip(page: Page, label: string, phone: string): Promise<string> {
  await page.goto("/chips");
  await page.getByLabel("Nome do chip").fill(label);
  await page.getByRole("button", { name: "Adicionar chip" }).click();
  await expect(page).toHaveURL(/\/chips\/[0-9a-f-]{36}$/);
  const chipId = chipIdFromUrl(page.url());
  await expect(page.getByTestId("chip-qr")).toBeVisible({ timeout: 30_000 });
  await (await simulatorFor(chipId)).pair(phone, label);
  await expect(page.getByTestId("chip-connected")).toContainText(`+${phone}`);
  return chipId;
}

test("[MESSAGES]: a message typed on chip A reaches chip B, with ticks advancing on A and no reload on either", async ({
  page,
  context,
}) => {
  await signUpViaUi(page, newUser("messages"));
  const chipB = await addPairedChip(page, "Chip B", "5511977770002");
  await addPairedChip(page, "Chip A", "5511977770001");

  const pageB = await context.newPage();
  await pageB.goto(`/chips/${chipB}`);
  await expect(pageB.getByRole("heading", { name: "Mensagens" })).toBeVisible();
  let navigationsOnB = 0;
  pageB.on("framenavigated", (frame) => frame === pageB.mainFrame() && navigationsOnB++);
  let navigationsOnA = 0;
  page.on("framenavigated", (frame) => frame === page.mainFrame() && navigationsOnA++);

  // The form refuses what the server would refuse, in the page's language.
  const recipient = page.getByLabel("Para (número com DDI, ou chat id)");
  await recipient.fill("chip B");
  await page.getByLabel("Mensagem").fill("Olá, chip B");
  await page.getByRole("button", { name: "Enviar" }).click();
  await expect(page.getByText("Informe um número com DDI e DDD")).toBeVisible();

  await recipient.fill("+55 11 97777-0002");
  await page.getByRole("button", { name: "Enviar" }).click();
  const sent = page.getByTestId("message").filter({ hasText: "Olá, chip B" });
  await expect(sent).toHaveAttribute("data-direction", "OUTBOUND");
  await expect(sent).toContainText("Enviada para +5511977770002");

  // The simulator acks 1 → 2 → 3 over about a second; each one is pushed, so the ticks move without a reload.
  const ack = sent.getByTestId("message-ack");
  const seen = new Set<string | null>();
  await expect
    .poll(async () => {
      const value = await ack.getAttribute("data-ack");
      seen.add(value);
      return value;
    }, { intervals: [100] })
    .toBe("read");
  expect(seen.size).toBeGreaterThan(1);
  await expect(ack).toHaveAttribute("title", "Lida");

  const received = pageB.getByTestId("message").filter({ hasText: "Olá, chip B" });
  await expect(received).toHaveAttribute("data-direction", "INBOUND");
  await expect(received).toContainText("Recebida de +5511977770001");
  expect(navigationsOnA).toBe(0);
  expect(navigationsOnB).toBe(0);
});
