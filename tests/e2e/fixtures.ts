/**
 * Fixtures for e2e tests: every test gets its own server process with fresh demo data and its
 * own SMTP catcher, a page pointed at it, and helpers to log in and check accessibility.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type TestServer } from '../support/server';
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp';

export const DEMO_PASSWORD = 'centrale-demo';

/** the phone the layout tests use: a common 6.1-inch screen, in CSS pixels */
export const PHONE = { width: 390, height: 844 };

type Fixtures = {
	smtp: SmtpCatcher;
	server: TestServer;
	/** logs the page in through the login form */
	loginAs: (email: string, password?: string) => Promise<void>;
	/** runs axe-core on the current page: no serious or critical violation */
	expectAccessible: (page?: Page) => Promise<void>;
	/**
	 * Holds the app's scripts back until `release()`: the page is server-rendered HTML until then,
	 * as on a slow PC, so a test can type before hydration.
	 */
	holdScripts: () => Promise<{ release: () => Promise<void> }>;
};

export const test = base.extend<Fixtures>({
	// eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from the pattern
	smtp: async ({}, use) => {
		const smtp = await startSmtpCatcher();
		await use(smtp);
		await smtp.close();
	},
	server: async ({ smtp }, use) => {
		const server = await startServer({ env: { SMTP_URL: smtp.url } });
		await use(server);
		await server.stop();
	},
	baseURL: async ({ server }, use) => {
		await use(server.url);
	},
	loginAs: async ({ page }, use) => {
		await use(async (email, password = DEMO_PASSWORD) => {
			await page.goto('/login');
			await page.getByLabel('Adresse e-mail').fill(email);
			await page.getByLabel('Mot de passe', { exact: true }).fill(password);
			await page.getByRole('button', { name: 'Se connecter' }).click();
			await expect(page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
		});
	},
	holdScripts: async ({ page }, use) => {
		await use(async () => {
			let open!: () => void;
			const held = new Promise<void>((resolve) => (open = resolve));
			await page.route('**/_app/immutable/**/*.js', async (route) => {
				await held;
				await route.continue();
			});
			return {
				release: async () => {
					open();
					await page.waitForLoadState('networkidle');
				}
			};
		});
	},
	expectAccessible: async ({ page }, use) => {
		await use(async (target = page) => {
			const results = await new AxeBuilder({ page: target })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
				.analyze();
			const serious = results.violations.filter(
				(v) => v.impact === 'serious' || v.impact === 'critical'
			);
			expect(
				serious.map(
					(v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
				)
			).toEqual([]);
		});
	}
});

export { expect };
