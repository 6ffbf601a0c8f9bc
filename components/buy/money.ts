/** Wire money strings are two-decimal ("0.00"); these read them without arithmetic in the browser. */
export const isZero = (amount: string) => /^-?0+(\.0+)?$/.test(amount);
export const isPositive = (amount: string) => !amount.startsWith("-") && !isZero(amount);
