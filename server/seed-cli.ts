/** `npm run seed [-- --reset]`: seeds the database; --reset deletes it first and loads demo data. */
import fs from 'node:fs';
import { config } from '../src/lib/server/config';
import { closeDb, getDb } from '../src/lib/server/db/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../src/lib/server/db/seed/demo';
import { seedDatabase } from '../src/lib/server/db/seed/index';

const reset = process.argv.includes('--reset');
const { databaseFile, demo } = config();
if (reset) {
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(databaseFile + suffix, { force: true });
	console.log(`Base supprimée : ${databaseFile}`);
}
const outcome = await seedDatabase(getDb(), { demo: demo || reset });
closeDb();
console.log(
	outcome.demoSeeded ? 'Données de démonstration chargées.' : 'Données de référence à jour.'
);
if (outcome.demoSeeded) {
	console.log(`Comptes (mot de passe : ${DEMO_PASSWORD}) :`);
	for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.role}`);
}
