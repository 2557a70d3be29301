import { ChipLive } from "../_components/chip-live";

export default async function ChipPage({ params }: { params: Promise<{ chipId: string }> }) {
  const { chipId } = await params;
  return <ChipLive chipId={chipId} />;
}
