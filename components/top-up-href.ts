/** "How to top up", with the shortfall (a wire money string) to show there. */
export function topUpHref(shortfall?: string | null): string {
  return shortfall && /^\d+(\.\d{1,2})?$/.test(shortfall) && /[1-9]/.test(shortfall)
    ? `/top-up?shortfall=${shortfall}`
    : "/top-up";
}
