import 'reflect-metadata';
import { isRole } from '@/access/roles';
import { loadConfig } from '@/config/env';
import { signDevToken } from '@/identity/jwt';
import { fail, parseArgs } from './cli';

/**
 * `npm run token -- --role BANK --org BANK-ICBC-JS [--sub alice] [--expires 8h]`: prints an HS256
 * token signed with HUB_JWT_SECRET (or the development secret) for local use.
 */
async function main() {
  const args = parseArgs(process.argv.slice(2));
  const role = args.role;
  if (typeof role !== 'string' || !isRole(role) || role === 'PUBLIC') {
    fail('usage: npm run token -- --role <ENTERPRISE|BANK|GUARANTOR|CREDIT_AGENCY|APPROVER|REGULATOR|ANALYST|PLATFORM_ADMIN> [--org CODE] [--sub ID] [--expires 8h]');
  }
  const config = loadConfig();
  const token = await signDevToken(
    config.jwtSecret,
    { role, org: typeof args.org === 'string' ? args.org : null, sub: typeof args.sub === 'string' ? args.sub : undefined },
    typeof args.expires === 'string' ? args.expires : '8h',
  );
  process.stdout.write(`${token}\n`);
}
main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
