import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// precompress would spend ~10 s gzipping the automerge wasm on every build
		adapter: adapter({ precompress: false, out: process.env.BUILD_DIR || 'build' }),
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// connect-src names this origin's ws(s) URL, known per request: hooks.server.ts adds it
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		},
		typescript: {
			config(tsconfig) {
				tsconfig.include.push('../server/**/*.ts', '../tests/**/*.ts', '../scripts/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
