/**
 * Where a caret goes when someone else's edit lands in the text it sits in. A textarea only knows
 * its value and its selection: when a remote change replaces the value, the selection would jump
 * to the end; moving it through the change's patches keeps it beside the same characters.
 */

/** The parts of an Automerge patch this needs (a structural subset of `A.Patch`). */
export type TextPatch =
	| { action: 'splice'; path: (string | number)[]; value: string }
	| { action: 'del'; path: (string | number)[]; length?: number }
	| { action: string; path: (string | number)[] };

/**
 * `position` (a caret index in the text at `field`) after `patches` applied to that text.
 * A remote insertion exactly at the caret goes after it (the caret stays before what arrived), so
 * typing on and a colleague's word do not interleave. A patch that replaces the whole field puts
 * the caret at its end when it no longer fits.
 */
export function moveCaret(
	position: number,
	field: string,
	patches: readonly TextPatch[],
	newLength: number
): number {
	let pos = position;
	for (const patch of patches) {
		if (patch.path[0] !== field) continue;
		const index = patch.path[1];
		if (patch.path.length !== 2 || typeof index !== 'number') {
			pos = Math.min(pos, newLength);
			continue;
		}
		if (patch.action === 'splice' && 'value' in patch) {
			if (index < pos) pos += patch.value.length;
		} else if (patch.action === 'del') {
			const length = ('length' in patch ? patch.length : undefined) ?? 1;
			if (index < pos) pos -= Math.min(length, pos - index);
		}
	}
	return Math.max(0, Math.min(pos, newLength));
}
