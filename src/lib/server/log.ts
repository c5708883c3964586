import pino from 'pino';
import { config } from './config';

const KEY = Symbol.for('centrale.log');
type Holder = { [KEY]?: pino.Logger };

/** The process logger (JSON lines on stdout), shared by server/ and the SvelteKit bundle. */
export function log(): pino.Logger {
	const holder = globalThis as Holder;
	holder[KEY] ??= pino({ level: config().logLevel, base: { app: 'centrale' } });
	return holder[KEY];
}
