import 'reflect-metadata';
import { verifyAccessLog } from '@/audit/verify';
import { withDatabase } from './cli';

/** `npm run audit:verify`: exits 1 when the access log's hash chain is broken. */
withDatabase((db) => verifyAccessLog(db.knex), { migrate: false })
  .then((r) => {
    if (r.ok) {
      process.stdout.write(`access log intact: ${r.entries} entries, hash chain verified\n`);
    } else {
      process.stdout.write(`ACCESS LOG TAMPERED: ${r.problems.length} problem(s) in ${r.entries} entries\n`);
      for (const p of r.problems) process.stdout.write(`  - ${p}\n`);
      process.exit(1);
    }
  })
  .catch((e) => {
    process.stderr.write(`audit:verify failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  });
