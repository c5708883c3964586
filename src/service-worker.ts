/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/**
 * Keeps the app shell (built scripts, styles, static files) and the need-board pages a person has
 * opened, so a board opened once opens again without network; its document comes from
 * IndexedDB (y-indexeddb). Pages are network-first: online, people always get fresh pages and
 * rights; the cache only answers when the network does not. Logging out empties the page cache.
 */
import { build, files, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const SHELL = `centrale-shell-${version}`;
const PAGES = 'centrale-pages';
const SHELL_FILES = [...build, ...files];
/** pages kept for offline use: the working groups and their boards */
const OFFLINE_PAGES = /^\/groupes(\/|$)/;

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll(SHELL_FILES))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((k) => k.startsWith('centrale-shell-') && k !== SHELL)
						.map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});

async function networkFirst(request: Request): Promise<Response> {
	try {
		const response = await fetch(request);
		if (response.ok && response.type === 'basic') {
			const cache = await caches.open(PAGES);
			await cache.put(request, response.clone());
		}
		return response;
	} catch (err) {
		const cached = await caches.match(request, { ignoreVary: true });
		if (cached) return cached;
		throw err;
	}
}

sw.addEventListener('fetch', (event) => {
	const url = new URL(event.request.url);
	if (url.origin !== sw.location.origin) return;
	if (event.request.method === 'POST' && url.pathname === '/logout') {
		event.waitUntil(caches.delete(PAGES));
		return;
	}
	if (event.request.method !== 'GET') return;
	if (SHELL_FILES.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((hit) => hit ?? fetch(event.request)));
		return;
	}
	if (OFFLINE_PAGES.test(url.pathname)) event.respondWith(networkFirst(event.request));
});
