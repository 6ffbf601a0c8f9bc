/**
 * Import first in a client module that builds zod object schemas: in the browser zod must not probe
 * `new Function` (its JIT check runs when an object schema is built), because the page's CSP forbids
 * eval and reports the probe as a violation. The server keeps zod's default (this runs only in a browser).
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
