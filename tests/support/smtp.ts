/** A real SMTP server on loopback that keeps what it receives, for tests that read emails. */
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
	to: string[];
	raw: string;
	subject: string;
	/** the decoded text body (quoted-printable undone) */
	text: string;
}

export interface SmtpCatcher {
	url: string;
	mails: ReceivedMail[];
	/** waits for a mail to `to` (and matching `subject`), returns it */
	waitFor: (to: string, subject?: RegExp, timeoutMs?: number) => Promise<ReceivedMail>;
	close: () => Promise<void>;
}

function decodeQuotedPrintable(body: string): string {
	return Buffer.from(
		body
			.replace(/=\r?\n/g, '')
			.replace(/=([0-9A-F]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))),
		'latin1'
	).toString('utf8');
}

function parse(raw: string, to: string[]): ReceivedMail {
	const [head, ...rest] = raw.split(/\r?\n\r?\n/);
	const body = rest.join('\n\n');
	const subjectLine = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1] ?? '';
	// unfold, then glue adjacent encoded words (RFC 2047: the space between them is not text)
	const subject = subjectLine
		.replace(/\r?\n[ \t]/g, ' ')
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?Q\?(.*?)\?=/gi, (_, q) => decodeQuotedPrintable(q.replace(/_/g, ' ')))
		.replace(/=\?utf-8\?B\?(.*?)\?=/gi, (_, b) => Buffer.from(b, 'base64').toString('utf8'));
	// multipart mails (text + HTML) declare it per part: decoding the whole body is what a test needs
	const qp = /Content-Transfer-Encoding: quoted-printable/i.test(raw);
	return { to, raw, subject, text: qp ? decodeQuotedPrintable(body) : body };
}

export interface CatcherOptions {
	/** listen on this port (a test that starts the catcher after the mailer tried it) */
	port?: number;
	/** an SMTP reply code to refuse a recipient with (e.g. 550), or null to accept */
	refuse?: (address: string) => number | null;
}

export async function startSmtpCatcher(options: CatcherOptions = {}): Promise<SmtpCatcher> {
	const mails: ReceivedMail[] = [];
	const waiters: (() => void)[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onRcptTo(address, _session, callback) {
			const code = options.refuse?.(address.address);
			if (!code) return callback();
			callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: code }));
		},
		onData(stream, session, callback) {
			let raw = '';
			stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
			stream.on('end', () => {
				mails.push(
					parse(
						raw,
						session.envelope.rcptTo.map((r) => r.address)
					)
				);
				waiters.splice(0).forEach((w) => w());
				callback();
			});
		}
	});
	// The portal keeps pooled SMTP connections open: stopping it resets them, which smtp-server
	// reports as an 'error' event — unhandled, that would crash the test run. A client going away
	// is what a mail server sees every day; anything else still fails the run.
	server.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return;
		throw error;
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		mails,
		waitFor: async (to, subject, timeoutMs = 10_000) => {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = mails.find((m) => m.to.includes(to) && (!subject || subject.test(m.subject)));
				if (found) return found;
				if (Date.now() > deadline) throw new Error(`no mail to ${to} within ${timeoutMs} ms`);
				await new Promise<void>((resolve) => {
					waiters.push(resolve);
					setTimeout(resolve, 200);
				});
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}

/** The first http(s) link in a mail whose path starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
	const match = new RegExp(`https?://[^\\s]+${prefix.replace(/\//g, '\\/')}[^\\s]*`).exec(
		mail.text
	);
	if (!match) throw new Error(`no ${prefix} link in mail:\n${mail.text}`);
	return match[0];
}
