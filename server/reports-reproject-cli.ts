/** `npm run reports:reproject`: rebuilds the reports projection from the stored report documents. */
import { closeDb, getDb } from '../src/lib/server/db/client';
import { reprojectAllReports } from '../src/lib/server/reports/projection';

getDb();
const count = reprojectAllReports();
closeDb();
console.log(`Projection des retours d'expérience reconstruite pour ${count} retour(s).`);
