/** A tiny HTTP client with a cookie jar, speaking to SvelteKit form actions like a browser. */
export class Client {
	cookies = new Map<string, string>();

	constructor(readonly baseUrl: string) {}

	get cookieHeader(): string {
		return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	}

	async request(path: string, init: RequestInit = {}): Promise<Response> {
		const headers = new Headers(init.headers);
		if (this.cookies.size) headers.set('cookie', this.cookieHeader);
		headers.set('origin', this.baseUrl);
		const res = await fetch(this.baseUrl + path, { ...init, headers, redirect: 'manual' });
		for (const line of res.headers.getSetCookie()) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attrs.some((a) => /max-age=0/i.test(a)) || value === '';
			if (expired) this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
		return res;
	}

	get(path: string) {
		return this.request(path);
	}

	/** POSTs a form like a browser without JavaScript (urlencoded) */
	post(
		path: string,
		fields: Record<string, string | string[]>,
		headers: Record<string, string> = {}
	) {
		const body = new URLSearchParams();
		for (const [key, value] of Object.entries(fields)) {
			for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
		}
		return this.request(path, {
			method: 'POST',
			body,
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'text/html',
				...headers
			}
		});
	}

	/**
	 * POSTs a form as `use:enhance` does. The answer is JSON ({ type, status, data }); `status` is
	 * the action's own (a `fail(400)` travels inside a 200 response).
	 */
	async action(path: string, fields: Record<string, string | string[]>) {
		const res = await this.post(path, fields, {
			'x-sveltekit-action': 'true',
			accept: 'application/json'
		});
		const body = (await res.json()) as {
			type: string;
			status?: number;
			data?: string;
			location?: string;
		};
		return { status: body.status ?? res.status, body };
	}

	async login(email: string, password = 'centrale-demo') {
		const res = await this.post('/login', { email, password });
		if (res.status !== 303) throw new Error(`login failed for ${email}: ${res.status}`);
		return this;
	}
}

export const DEMO_PASSWORD = 'centrale-demo';
