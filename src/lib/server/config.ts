import path from 'node:path';

/** Process configuration, read from the environment each time (tests change it per process). */
export function config() {
	const dataDir = path.resolve(process.env.DATA_DIR || './data');
	return {
		dataDir,
		databaseFile: path.join(dataDir, 'centrale.sqlite'),
		smtpUrl: process.env.SMTP_URL || '',
		mailFrom: process.env.MAIL_FROM || 'Centrale <no-reply@centrale.local>',
		demo: process.env.DEMO !== '0',
		logLevel: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info')
	};
}

/** Where migrations live: next to the project root whether we run from src/ or from build/. */
export function migrationsFolder() {
	return path.resolve(process.env.MIGRATIONS_DIR || './drizzle');
}

/**
 * The address links in mail and feeds point to: ORIGIN when set, http://localhost:PORT for a
 * local run. Never the request's Host header, which whoever sends the request chooses.
 */
export function publicOrigin(): string {
	return (process.env.ORIGIN || `http://localhost:${process.env.PORT || 3000}`).replace(/\/+$/, '');
}

/** An absolute link to `path` on the portal, for mail, feeds and calendar files. */
export function publicUrl(path: string): string {
	return publicOrigin() + (path.startsWith('/') ? path : `/${path}`);
}
