export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as { __HUB_EMBEDDED__?: { close(): Promise<void> } }).__HUB_EMBEDDED__;
  if (embedded) await embedded.close();
}
