const HOOKS = Symbol.for('centrale.shutdownHooks');

/**
 * Things to stop on shutdown (the sync hub closes its WebSockets here). Its own module so that the
 * hub can register without importing the whole server entry point.
 */
export function shutdownHooks(): (() => void)[] {
	const holder = globalThis as { [HOOKS]?: (() => void)[] };
	holder[HOOKS] ??= [];
	return holder[HOOKS];
}
