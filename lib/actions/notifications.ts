"use server";

import { z } from "zod";
import { action } from "../http/action";
import { channelCreateSchema, channelUpdateSchema, idSchema } from "../schemas";
import { type ChannelDto, createChannel, deleteChannel, testChannel, updateChannel } from "../services/notify-channels";
import { type DeliveryDto, retryDelivery } from "../services/notify-delivery";

// Channels are admin settings for every portfolio; the page is the only reader of them and the log.
const revalidate = ["/admin/notifications"];
const invalid = "The channel was not saved: check the highlighted fields.";

export const createChannelAction = action(
  "admin",
  channelCreateSchema,
  (input, ctx): Promise<ChannelDto> => createChannel(ctx, input),
  { invalid, revalidate },
);

export const updateChannelAction = action(
  "admin",
  channelUpdateSchema.extend({ id: idSchema }),
  ({ id, ...patch }, ctx): Promise<ChannelDto> => updateChannel(ctx, id, patch),
  { invalid, revalidate },
);

export const deleteChannelAction = action(
  "admin",
  z.object({ id: idSchema }),
  ({ id }, ctx) => deleteChannel(ctx, id),
  {
    revalidate,
  },
);

/** Whether the test arrived is the answer (`sent`, `error`), not a failure of the action. */
export const testChannelAction = action("admin", z.object({ id: idSchema }), ({ id }, ctx) => testChannel(ctx, id), {
  revalidate,
});

export const retryDeliveryAction = action(
  "admin",
  z.object({ id: idSchema }),
  ({ id }, ctx): Promise<DeliveryDto> => retryDelivery(ctx, id),
  { revalidate },
);
