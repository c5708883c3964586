import { defineConfig } from '@playwright/test';

/**
 * E2E tests drive Debian's Chromium against the built app. Each test starts its own server
 * process on fresh data (tests/e2e/fixtures.ts), so tests never share state.
 */
export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	timeout: 90_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	outputDir: 'test-results',
	use: {
		locale: 'fr-BE',
		timezoneId: 'Europe/Brussels',
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }]
});
