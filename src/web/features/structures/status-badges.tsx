import { Badge } from "design-react-kit";
import { useTranslation } from "react-i18next";
import { addDays, formatItalianDate, todayInRome } from "../../../domain/time/calendar.ts";
import { codeLabel } from "../reference/code-labels.ts";
import { useAuthorisationWarningDays } from "../settings/settings-api.ts";

const statusColors: Record<string, string> = {
  "pending-approval": "warning",
  active: "success",
  suspended: "danger",
  closed: "dark",
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge color={statusColors[status] ?? "secondary"}>{codeLabel("structureStatus", status)}</Badge>;
}

export function PendingChangeBadge() {
  const { t } = useTranslation();
  return (
    <Badge color="primary" className="ms-2">
      {t("structures.pendingBadge")}
    </Badge>
  );
}

/**
 * Whether an authorisation has expired or expires within the instance's warning days (from the
 * settings; while they are unknown only an expired authorisation is flagged).
 */
export function expiryStateOf(
  expiresOn: string | null,
  warningDays: number | undefined,
  today = todayInRome(),
) {
  if (!expiresOn) return "none" as const;
  if (expiresOn < today) return "expired" as const;
  if (warningDays !== undefined && expiresOn <= addDays(today, warningDays)) return "expiring" as const;
  return "valid" as const;
}

/** The expiry date; an expired or soon-expiring authorisation is flagged in words, not only in colour. */
export function AuthorisationExpiry({ expiresOn }: { expiresOn: string | null }) {
  const { t } = useTranslation();
  const state = expiryStateOf(expiresOn, useAuthorisationWarningDays());
  if (!expiresOn) return <span>{t("common.none")}</span>;
  if (state === "valid") return <span>{formatItalianDate(expiresOn)}</span>;
  return (
    <span className="expiry-warning">
      {formatItalianDate(expiresOn)}{" "}
      <Badge color={state === "expired" ? "danger" : "warning"}>
        {state === "expired" ? t("structures.expired") : t("structures.expiringSoon")}
      </Badge>
    </span>
  );
}
