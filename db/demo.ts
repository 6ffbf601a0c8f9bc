/** Demo logins seeded into an empty database (printed at start; used by the e2e suite). */
export const DEMO = {
  operator: { email: "operator@demo.im", password: "operator-demo-1" },
  owner: { email: "owner@demo.im", password: "owner-demo-1" },
  member: { email: "member@demo.im", password: "member-demo-1" },
  unverified: { email: "founder@startup.im", password: "founder-demo-1" },
} as const;
