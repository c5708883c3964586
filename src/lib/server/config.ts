import path from 'node:path';

/** Process configuration, read from the environment each time (tests change it per process). */
export function config() {
	const dataDir = path.resolve(process.env.DATA_DIR || './data');
	return {
		dataDir,
		databaseFile: path.join(dataDir, 'centrale.sqlite'),
		/** where backups go: BACKUP_DIR, by default DATA_DIR/backups (copy it off the machine too) */
		backupDir: path.resolve(process.env.BACKUP_DIR || path.join(dataDir, 'backups')),
		smtpUrl: process.env.SMTP_URL || '',
		mailFrom: process.env.MAIL_FROM || 'Centrale <no-reply@centrale.local>',
		demo: process.env.DEMO !== '0',
		/** the portal is served over https (behind its proxy): browsers are told to keep to it */
		publicOriginIsHttps: (process.env.ORIGIN ?? '').trim().startsWith('https:'),
		logLevel: process.env.LOG_LEVEL || (process.env.NODE_ENV === 'test' ? 'warn' : 'info')
	};
}

/** Where migrations live: next to the project root whether we run from src/ or from build/. */
export function migrationsFolder() {
	return path.resolve(process.env.MIGRATIONS_DIR || './drizzle');
}

/** NODE_ENV=production is how an operator says "this is production" (see the README). */
export function isProduction(): boolean {
	return process.env.NODE_ENV === 'production';
}

/**
 * Why this process must not start, or null. In production the public address has to be
 * configured: links in mail are built on it, and the only other source, the request's Host
 * header, is whatever the sender of a request chose (a reset link pointing elsewhere hands the
 * victim's token to whoever asked for it).
 */
export function originProblem(): string | null {
	if (process.env.ORIGIN || !isProduction()) return null;
	return (
		'ORIGIN is not set. In production (NODE_ENV=production) Centrale needs its public address ' +
		'to build the links it sends by mail: set ORIGIN, e.g. ORIGIN=https://centrale.example.be. ' +
		'For a local run, leave NODE_ENV unset.'
	);
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
