/**
 * One instance per process, even when a module is loaded twice: once by the server entry
 * (through tsx) and once inside the Remix build, or again after a dev rebuild.
 */
export function singleton<T>(name: string, create: () => T): T {
  const store = globalThis as typeof globalThis & { __actieOverleg?: Map<string, unknown> };
  store.__actieOverleg ??= new Map();
  if (!store.__actieOverleg.has(name)) store.__actieOverleg.set(name, create());
  return store.__actieOverleg.get(name) as T;
}
