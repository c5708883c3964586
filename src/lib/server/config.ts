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
