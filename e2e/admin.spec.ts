import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import pg from "pg";
import { logInViaUi, newUser, signUpViaUi, type TestUser } from "./fixtures/users";

// The first operator is made outside the UI (scripts/set-admin.ts does the same update).
async function promoteToAdmin(email: string) {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL must be set for the admin e2e tests (scripts/test-all.sh exports it).");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(`UPDATE "User" SET role = 'ADMIN' WHERE email = $1`, [email]);
    if (rowCount !== 1) throw new Error(`No account ${email} to promote.`);
  } finally {
    await client.end();
  }
}

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

/** A signed-up user in a browser context of their own, so their session is independent of the operator's. */
async function signedUpUser(browser: Browser, prefix: string): Promise<{ user: TestUser; page: Page }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const user = newUser(prefix);
  await signUpViaUi(page, user);
  return { user, page };
}

const rowOf = (page: Page, email: string) => page.locator(`[data-testid="admin-user-row"][data-email="${email}"]`);

test("[ADMIN]: the operator sees users with their instance usage, suspends one, who is logged out and refused, then reactivates", async ({
  browser,
}) => {
  const operator = await signedUpUser(browser, "operator");
  await promoteToAdmin(operator.user.email);
  const customer = await signedUpUser(browser, "customer");
  await customer.page.getByLabel("Nome do chip").fill("Loja Centro");
  await customer.page.getByRole("button", { name: "Adicionar chip" }).click();
  await expect(customer.page).toHaveURL(/\/chips\/[0-9a-f-]{36}$/);

  const admin = operator.page;
  await admin.reload();
  await admin.getByRole("link", { name: "Operação" }).click();
  await expect(admin).toHaveURL(/\/admin$/);
  await expect(admin.getByRole("heading", { name: "Operação" })).toBeVisible();
  const ownRow = rowOf(admin, operator.user.email);
  await expect(ownRow).toContainText("(você)");
  await expect(ownRow.getByRole("button")).toHaveCount(0);

  const row = rowOf(admin, customer.user.email);
  await expect(row.getByTestId("admin-user-status")).toHaveText("Ativa");
  await expect(row).toContainText("1 chip(s)");
  // The customer's simulator runs as a local process: the usage column shows its measured CPU and memory.
  await expect(row.getByTestId("admin-user-usage")).toContainText(/CPU \d+(,\d)?%/, { timeout: 30_000 });
  await expect(row.getByTestId("admin-user-usage")).toContainText(/Memória \d+(,\d)? (KB|MB|GB)/);

  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Suspender" }).click();
  await expect(row.getByTestId("admin-user-status")).toHaveText("Suspensa");

  await customer.page.reload();
  await expect(customer.page).toHaveURL(/\/login/);
  await logInViaUi(customer.page, customer.user);
  await expect(customer.page.getByText("Sua conta está suspensa.")).toBeVisible();
  await expect(customer.page).toHaveURL(/\/login/);

  admin.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Reativar" }).click();
  await expect(row.getByTestId("admin-user-status")).toHaveText("Ativa");
  // Suspension refused the session token without deleting it; reactivated, the same browser is signed in again.
  await customer.page.goto("/chips");
  await expect(customer.page.getByRole("heading", { name: "Seus chips" })).toBeVisible();
});

test("[ADMIN]: a user who is not an admin gets no link and a 404 at /admin", async ({ browser }) => {
  const { page } = await signedUpUser(browser, "plain");
  await expect(page.getByRole("link", { name: "Operação" })).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Operação" })).toHaveCount(0);
});
