export * from "./accounts";
export * from "./apps";
export * from "./ledger";
export * from "./audit";
export * from "./system";
export * from "./orders";
export * from "./refunds";
export * from "./usage";
