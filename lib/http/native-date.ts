/**
 * Node's own `Date`, for the fast API layer's bundle (db/serve.mjs injects this module in place of the global
 * `Date` there). Next replaces the global `Date` with a wrapper that reports every clock read to its
 * prerender checks (next/dist/server/node-environment-extensions/date.js); it makes each `new Date(…)` a
 * `Reflect.construct` through that wrapper: about 3 % of a quote's CPU under load (issue 11). The fast layer
 * never prerenders, so it uses the constructor the wrapper wraps (db/serve.mjs keeps it before Next loads).
 * Dates made by either are the same kind of object (one prototype), so nothing else can tell them apart.
 */
const native = (globalThis as { __imbNativeDate?: DateConstructor }).__imbNativeDate ?? globalThis.Date;
export { native as Date };
