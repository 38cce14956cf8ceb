/**
 * Where the tests' database is: DATABASE_URL (CI: the real PostgreSQL, a database whose name
 * contains "test"), or — on a bare machine — an embedded PGlite started by the global setup, whose
 * URL it leaves in HUB_TEST_DATABASE_URL.
 */
export function testDatabaseUrl(): string {
  const url = process.env.HUB_TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('No test database: run the tests through jest (globalSetup starts one)');
  return url;
}

export function isEmbeddedTestDatabase(): boolean {
  return !process.env.DATABASE_URL;
}
