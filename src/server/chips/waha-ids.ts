/** The phone number in a WhatsApp id: "5511987654321@c.us" or "5511987654321:12@s.whatsapp.net" → "5511987654321". */
export function phoneOf(wahaId: string): string {
  return wahaId.split("@")[0]!.split(":")[0]!;
}
