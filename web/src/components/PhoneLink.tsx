/** A phone number as written, a `tel:` link (a tap calls it on a phone); plain text when it holds no digit. */
export function PhoneLink({ phone }: { phone: string }) {
  const dial = phone.replace(/[^\d+]/g, '');
  if (!/\d/.test(dial)) return <>{phone}</>;
  return <a href={`tel:${dial}`}>{phone}</a>;
}
