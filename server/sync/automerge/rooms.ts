/** The report documents loaded in this process, loaded on first request and unloaded when idle. */
import { IDLE_UNLOAD_MS } from '../limits';
import { AutomergeRoom } from './room';

const rooms = new Map<string, AutomergeRoom>();
const unloadTimers = new Map<string, NodeJS.Timeout>();

/** The live room of a report document, loading it from SQLite when needed (synchronously). */
export function openAutomergeRoom(
	name: string,
	reportId: number,
	documentId: string
): AutomergeRoom {
	cancelUnload(name);
	let room = rooms.get(name);
	if (room?.isBroken) {
		unloadRoom(room);
		room = undefined;
	}
	if (!room) {
		room = new AutomergeRoom(name, reportId, documentId, scheduleUnload);
		rooms.set(name, room);
	}
	return room;
}

export function liveAutomergeRooms(): number {
	return rooms.size;
}

export function unloadAllAutomergeRooms() {
	for (const room of [...rooms.values()]) unloadRoom(room);
}

function scheduleUnload(room: AutomergeRoom) {
	if (rooms.get(room.name) !== room) return;
	cancelUnload(room.name);
	const timer = setTimeout(
		() => {
			unloadTimers.delete(room.name);
			if (room.peers.size === 0 || room.isBroken) unloadRoom(room);
		},
		room.isBroken ? 0 : IDLE_UNLOAD_MS
	);
	timer.unref();
	unloadTimers.set(room.name, timer);
}

function cancelUnload(name: string) {
	const timer = unloadTimers.get(name);
	if (timer) clearTimeout(timer);
	unloadTimers.delete(name);
}

function unloadRoom(room: AutomergeRoom) {
	cancelUnload(room.name);
	if (rooms.get(room.name) === room) rooms.delete(room.name);
	room.unload();
}
