import { listChannels } from "@/lib/services/notify-channels";
import { listPortfolios } from "@/lib/services/portfolios";
import { ChannelsManager } from "./channels-manager";
import { toChannelView } from "./notify-labels";

export async function ChannelsSection() {
  const [{ items }, portfolios] = await Promise.all([listChannels(), listPortfolios()]);
  return (
    <ChannelsManager
      channels={items.map(toChannelView)}
      portfolios={portfolios.map(({ slug, name }) => ({ slug, name }))}
    />
  );
}
