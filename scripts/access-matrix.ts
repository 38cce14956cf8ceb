import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { POLICY } from '@/access/policy';
import { ROLES } from '@/access/roles';
import { describeRule } from '@/access/rules';
import { describeRowRule, ROW_POLICY } from '@/access/row-policy';

export const MATRIX_PATH = resolve(__dirname, '../docs/access-matrix.md');

/** The role × field table, generated from src/access/policy.ts for reviewers and regulators. */
export function renderAccessMatrix(): string {
  const coords = Object.keys(POLICY).sort((a, b) => {
    const root = (c: string) => (/^(Query|Mutation|Subscription)\./.test(c) ? 0 : 1);
    return root(a) - root(b) || a.localeCompare(b);
  });
  const lines = [
    '# Credit Hub access matrix',
    '',
    'Generated from `src/access/policy.ts` by `npm run access-matrix`; do not edit by hand.',
    '',
    'Legend: **allow** full value · **deny** `null` plus a `FORBIDDEN` error at that path · **mask(x)** value',
    'with its shape kept · **own** only the enterprise the value is about · **consent(S)** only under an',
    "active consent from that enterprise covering the caller's organization, scope S and the purpose",
    'declared in `X-Hub-Purpose` · **public window** only while the record is inside its publicity window.',
    'Fields marked 🔒 are protected: every value served is written to the access log first.',
    'Root fields (Query/Mutation) say which roles may call the operation; row scope is applied by the service.',
    '',
    `| field | ${ROLES.join(' | ')} | why |`,
    `|---|${ROLES.map(() => '---').join('|')}|---|`,
  ];
  for (const c of coords) {
    const p = POLICY[c]!;
    const cells = ROLES.map((r) => describeRule(p.roles[r]));
    lines.push(`| \`${c}\`${p.protected ? ' 🔒' : ''} | ${cells.join(' | ')} | ${p.note ?? ''} |`);
  }
  lines.push(
    '',
    '## Row policy',
    '',
    'Which rows of a list each role sees at all (`src/access/row-policy.ts`); the field table above then',
    'governs each field of a visible row. **all** every row · **none** no row · **own** rows about the',
    "caller's own enterprise · **consent(S)** rows of enterprises whose active consent covers the caller,",
    'scope S and the declared purpose · a predicate name: see its meaning below the table.',
    '',
    `| type | ${ROLES.join(' | ')} | why |`,
    `|---|${ROLES.map(() => '---').join('|')}|---|`,
  );
  for (const [type, p] of Object.entries(ROW_POLICY).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${type}\` | ${ROLES.map((r) => describeRowRule(p.roles[r])).join(' | ')} | ${p.note ?? ''} |`);
  }
  for (const [type, p] of Object.entries(ROW_POLICY).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push('', `Predicates of \`${type}\`:`, '');
    for (const [name, meaning] of Object.entries(p.predicates)) lines.push(`- **${name}**: ${meaning}`);
  }
  return `${lines.join('\n')}\n`;
}

function main() {
  const md = renderAccessMatrix();
  if (process.argv.includes('--check')) {
    const current = (() => {
      try {
        return readFileSync(MATRIX_PATH, 'utf8');
      } catch {
        return '';
      }
    })();
    if (current !== md) {
      process.stderr.write('docs/access-matrix.md is stale: run `npm run access-matrix` and commit it\n');
      process.exit(1);
    }
    process.stdout.write('docs/access-matrix.md is up to date\n');
    return;
  }
  writeFileSync(MATRIX_PATH, md);
  process.stdout.write(`wrote ${MATRIX_PATH}\n`);
}
if (require.main === module) main();
