import { listChannels } from "@/lib/services/notify-channels";
import { listPortfolios } from "@/lib/services/portfolios";
import { ChannelsManager } from "./channels-manager";

export async function ChannelsSection() {
  const [{ items }, portfolios] = await Promise.all([listChannels(), listPortfolios()]);
  return <ChannelsManager channels={items} portfolios={portfolios.map(({ slug, name }) => ({ slug, name }))} />;
}
