import { expect, test } from "@playwright/test";
import { logInViaUi, newUser, signUpViaUi } from "./fixtures/users";

test("[AUTH]: sign up, log out, log in reaches the signed-in shell", async ({ page }) => {
  const user = newUser();
  await signUpViaUi(page, user);
  await expect(page.getByRole("heading", { name: "Seus chips" })).toBeVisible();
  await expect(page.getByText("Nenhum chip ainda")).toBeVisible();
  await expect(page.getByTestId("simulator-banner")).toContainText("simulador do WAHA");

  await page.getByRole("button", { name: "Conta" }).click();
  await expect(page.getByTestId("account-name")).toHaveText(user.name);
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto("/chips");
  await expect(page).toHaveURL(/\/login/);

  await logInViaUi(page, user);
  await expect(page).toHaveURL(/\/chips$/);
  await expect(page.getByRole("heading", { name: "Seus chips" })).toBeVisible();
});

test("[AUTH]: clear messages for a taken email, a bad email, a short password and wrong credentials", async ({ page }) => {
  const user = newUser();
  await signUpViaUi(page, user);
  await page.getByRole("button", { name: "Conta" }).click();
  await page.getByRole("menuitem", { name: "Sair" }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.goto("/signup");
  await page.getByLabel("Nome").fill("Other");
  await page.getByLabel("E-mail").fill(user.email.toUpperCase());
  await page.getByLabel("Senha").fill("long-enough-password");
  await page.getByRole("button", { name: "Criar conta" }).click();
  await expect(page.getByText("Já existe uma conta com este e-mail.")).toBeVisible();

  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Senha").fill("short");
  await page.getByRole("button", { name: "Criar conta" }).click();
  await expect(page.getByText("Informe um e-mail válido.")).toBeVisible();
  await expect(page.getByText("A senha precisa ter pelo menos 10 caracteres.")).toBeVisible();

  await logInViaUi(page, { email: user.email, password: "wrong-password" });
  await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
  await logInViaUi(page, { email: `nobody.${user.email}`, password: "wrong-password" });
  await expect(page.getByText("E-mail ou senha incorretos.")).toBeVisible();
});

test("[AUTH]: the server answers bad sign-up input with 400, never 500", async ({ request }) => {
  const res = await request.post("/api/trpc/account.signUp", {
    data: { json: { name: "", email: "bad", password: "x" } },
  });
  expect(res.status()).toBe(400);
});

test("[I18N]: the language switch turns the interface to English and back", async ({ page }) => {
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Entrar no whago" })).toBeVisible();
  await page.getByLabel("Idioma").selectOption("en");
  await expect(page.getByRole("heading", { name: "Log in to whago" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Log in to whago" })).toBeVisible();

  const user = newUser();
  await page.goto("/signup");
  await page.getByLabel("Name").fill(user.name);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByRole("heading", { name: "Your chips" })).toBeVisible();
  await page.getByRole("button", { name: "Account" }).click();
  await page.getByLabel("Language").selectOption("pt-BR");
  await expect(page.getByRole("heading", { name: "Seus chips" })).toBeVisible();
});
