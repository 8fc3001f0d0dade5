import { z } from "zod";

/** The instance's public settings and the service's status, read without a session. */
export const instanceSettingsSchema = z
  .object({
    regionName: z.string(),
    regionCode: z.string(),
    authorisationWarningDays: z.number().int().min(1),
  })
  .meta({ id: "InstanceSettings" });
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;

export const statusSchema = z
  .object({
    status: z.literal(200),
    title: z.string(),
    detail: z.string(),
  })
  .meta({ id: "Status" });
