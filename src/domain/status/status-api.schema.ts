import { z } from "zod";

/** The instance's public settings (the Region, its logo, help and privacy contacts, warning thresholds) and the service's status, read without a session. */
export const instanceSettingsSchema = z
  .object({
    regionName: z.string(),
    regionCode: z.string(),
    regionLogoUrl: z.string().nullable(),
    regionWebsite: z.string().nullable(),
    helpContact: z.string(),
    privacyContact: z.string(),
    accessibilityStatementUrl: z.string().nullable(),
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
