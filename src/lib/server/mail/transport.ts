/**
 * One pooled SMTP transport per process (nodemailer's pool): a few connections kept open and
 * reused, so a publication to thousands of people is not thousands of TCP and SMTP handshakes.
 * Kept on globalThis like the database, so server/ and the SvelteKit bundle share it. nodemailer
 * is loaded with the first mail: a process that sends none (most of the day) does not hold its
 * 2 MB of code and heap.
 */
import type { Transporter } from 'nodemailer';
import { config } from '../config';

const KEY = Symbol.for('centrale.mailer');
type Holder = { [KEY]?: { url: string; transport: Transporter } };

/** concurrent SMTP connections: enough for ≥ 100 mails/s on a LAN relay, polite to a real one */
const MAX_CONNECTIONS = Number(process.env.SMTP_POOL_SIZE || 5);

export async function smtpTransport(): Promise<Transporter | null> {
	const { smtpUrl } = config();
	if (!smtpUrl) return null;
	const holder = globalThis as Holder;
	if (holder[KEY]?.url !== smtpUrl) {
		const { default: nodemailer } = await import('nodemailer');
		// another caller may have made it while this one loaded the module
		if (holder[KEY]?.url === smtpUrl) return holder[KEY].transport;
		holder[KEY]?.transport.close();
		holder[KEY] = {
			url: smtpUrl,
			transport: nodemailer.createTransport({
				url: smtpUrl,
				pool: true,
				maxConnections: MAX_CONNECTIONS,
				maxMessages: Infinity
			})
		};
	}
	return holder[KEY].transport;
}

/** Closes the pool (tests, shutdown). */
export function closeSmtpTransport() {
	const holder = globalThis as Holder;
	holder[KEY]?.transport.close();
	delete holder[KEY];
}
