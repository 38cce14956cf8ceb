import { readFileSync } from 'node:fs';
import { buildSchema as parseSdl, isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { POLICY } from '@/access/policy';
import { objectFieldCoordinates } from '@/access/enforce';
import { renderAccessMatrix, MATRIX_PATH } from '../../scripts/access-matrix';
import { renderSchema, SCHEMA_PATH } from '../../scripts/emit-schema';

/**
 * The SDL in schema/ is what bank developers read: it must be current, fully described, and every
 * object field in it must be classified in the policy table (deny by default).
 */
const committed = readFileSync(SCHEMA_PATH, 'utf8');
const sdl = parseSdl(committed);

it('schema/schema.graphql is up to date with the code (npm run schema:emit)', async () => {
  expect(committed).toBe(await renderSchema());
});

it('every object field in schema/schema.graphql has a rule in src/access/policy.ts', () => {
  const unclassified = objectFieldCoordinates(sdl).filter((c) => !POLICY[c]);
  expect(unclassified).toEqual([]);
});

it('the policy table names no field that does not exist (no stale rules)', () => {
  const coords = new Set(objectFieldCoordinates(sdl));
  expect(Object.keys(POLICY).filter((c) => !coords.has(c))).toEqual([]);
});

it('every type, field, argument and enum value is described', () => {
  const missing: string[] = [];
  for (const type of Object.values(sdl.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    // Root operation types are described by their fields.
    if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        if (!f.description) missing.push(`${type.name}.${f.name}`);
        for (const a of 'args' in f ? f.args : []) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  expect(missing).toEqual([]);
});

it('docs/access-matrix.md is regenerated from the policy (npm run access-matrix)', () => {
  expect(readFileSync(MATRIX_PATH, 'utf8')).toBe(renderAccessMatrix());
});
