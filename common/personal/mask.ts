/** Display limits for personal data (GB/T 35273): what lists and unprivileged views show. */

/** 110101199003071234 → 110***********1234 */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`;
}

/** 13800001234 → 138****1234; 0512-60001234 → 0512-****1234 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(phone.length);
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  const dash = phone.indexOf('-');
  const prefix = dash > 0 ? phone.slice(0, dash + 1) : phone.slice(0, 3);
  return `${prefix}****${phone.slice(-4)}`;
}
