/**
 * For a field whose value comes from the page's data rather than from the person typing (a
 * search box, a filter checkbox or select: they follow the address). The field is rendered with
 * the value as its default (`defaultValue`, `defaultChecked`), so what someone typed, ticked or
 * chose before the page's script had loaded survives hydration; these actions then write the
 * field only when the data itself changes afterwards (« Effacer les filtres », back and forward).
 *
 * Svelte calls an action's `update` whenever the page's data is refreshed, even when this value
 * is the same, so each action remembers what it last wrote and leaves the field alone otherwise:
 * a refresh never wipes something typed and not yet submitted.
 */
function follow<T>(write: (next: T) => void, initial: T) {
	let shown = initial;
	return {
		update(next: T) {
			if (next === shown) return;
			shown = next;
			write(next);
		}
	};
}

export function followValue(node: HTMLInputElement | HTMLSelectElement, value: string) {
	return follow((next) => (node.value = next), value);
}

export function followChecked(node: HTMLInputElement, checked: boolean | undefined) {
	return follow((next) => (node.checked = next ?? false), checked);
}
