// The part of autocannon 9's API that bench/http.ts uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";
  namespace autocannon {
    type Options = Record<string, unknown> & { url: string; connections?: number; duration?: number; amount?: number };
    type Result = {
      duration: number;
      "2xx": number;
      non2xx: number;
      errors: number;
      timeouts: number;
      latency: Record<string, number>;
    };
    type Instance = EventEmitter;
  }
  function autocannon(opts: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
