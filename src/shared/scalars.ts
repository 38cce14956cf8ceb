import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTime, GraphQLLocalDate } from 'graphql-scalars';

export { GraphQLDateTime as DateTimeScalar };

/** Dates already checked by LocalDate's serialize, bounded (a date column holds a few thousand distinct days). */
const CHECKED_DATES = new Set<string>();
const MAX_CHECKED_DATES = 50_000;

/**
 * graphql-scalars' LocalDate, whose serialize checks a value again on every read (a Date object and
 * an ISO string per value: issue 5 found it among the profile read's allocations, ten records with
 * two dates each). Here a date string that passed the check once is answered from a bounded set;
 * inputs (parseValue, parseLiteral) and everything else are graphql-scalars' own.
 */
export const LocalDateScalar = new GraphQLScalarType({
  ...GraphQLLocalDate.toConfig(),
  serialize(value) {
    if (typeof value === 'string' && CHECKED_DATES.has(value)) return value;
    const out = GraphQLLocalDate.serialize(value) as string;
    if (CHECKED_DATES.size >= MAX_CHECKED_DATES) CHECKED_DATES.clear();
    CHECKED_DATES.add(out);
    return out;
  },
});

const DECIMAL = /^-?\d{1,16}(\.\d{1,6})?$/;

/**
 * Exact decimal carried as a string (amounts in 万元 per the 双公示 templates, DOMAIN.md §2.2):
 * floats would round money.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12.50". Amounts are in 万元 unless a field says otherwise.',
  serialize(value) {
    if (typeof value === 'string' || typeof value === 'number') return String(value);
    throw new GraphQLError('Decimal cannot represent this value');
  },
  parseValue(value) {
    const s = typeof value === 'number' ? String(value) : value;
    if (typeof s !== 'string' || !DECIMAL.test(s)) throw new GraphQLError('Decimal must be a decimal string such as "12.50"');
    return s;
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.FLOAT || ast.kind === Kind.INT) && DECIMAL.test(ast.value)) return ast.value;
    throw new GraphQLError('Decimal must be a decimal string such as "12.50"');
  },
});
