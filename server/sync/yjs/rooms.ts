/** The documents loaded in this process, loaded on first connection and unloaded when idle. */
import { parseDocumentName } from '../../../src/lib/server/collab/store';
import { IDLE_UNLOAD_MS } from '../limits';
import { Room } from './room';

const rooms = new Map<string, Room>();
const unloadTimers = new Map<string, NodeJS.Timeout>();

/** The live room of a document, loading it from SQLite when needed (synchronously). */
export function openRoom(name: string): Room {
	cancelUnload(name);
	let room = rooms.get(name);
	if (room?.isBroken) {
		unloadRoom(room);
		room = undefined;
	}
	if (!room) {
		room = new Room(name, parseDocumentName(name)?.kind ?? 'unknown', scheduleUnload);
		rooms.set(name, room);
	}
	return room;
}

export function liveRooms(): Iterable<Room> {
	return rooms.values();
}

/** Unloads every room now (shutdown, or tests that want memory back). */
export function unloadAllRooms() {
	for (const room of [...rooms.values()]) unloadRoom(room);
}

function scheduleUnload(room: Room) {
	if (rooms.get(room.name) !== room) return; // already unloaded (shutdown)
	cancelUnload(room.name);
	const delay = room.isBroken ? 0 : IDLE_UNLOAD_MS;
	const timer = setTimeout(() => {
		unloadTimers.delete(room.name);
		if (room.peers.size === 0) unloadRoom(room);
	}, delay);
	timer.unref();
	unloadTimers.set(room.name, timer);
}

function cancelUnload(name: string) {
	const timer = unloadTimers.get(name);
	if (timer) clearTimeout(timer);
	unloadTimers.delete(name);
}

function unloadRoom(room: Room) {
	cancelUnload(room.name);
	if (rooms.get(room.name) === room) rooms.delete(room.name);
	room.unload();
}
