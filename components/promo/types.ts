import type { CampaignJson } from "@/lib/wire";

export type CampaignState = "running" | "scheduled" | "ended";
/** A campaign with its state at the platform clock's now, decided on the server. */
export type CampaignView = CampaignJson & { state: CampaignState };
