import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useParams } from "react-router";
import { labelOf } from "../../domain/code-lists/code-list.ts";
import {
  PlacementRequestState,
  placementRequestStates,
} from "../../domain/placements/placement-request.schema.ts";
import { findCountryByIstatCode, statelessIstatCode } from "../../domain/territory/countries.ts";
import { formatItalianDate } from "../../domain/time/calendar.ts";
import { ErrorAlert } from "../components/error-alert.tsx";
import { SelectField, TextAreaField } from "../components/form-fields.tsx";
import { Loading } from "../components/loading.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useSession } from "../features/access/session-api.ts";
import {
  type PlacementAccepted,
  type PlacementRequest,
  useAcceptPlacementRequest,
  useDeclinePlacementRequest,
  useStructurePlacementRequests,
} from "../features/placements/placements-api.ts";
import { codeLabel } from "../features/reference/code-labels.ts";
import { useStructureChoices } from "../features/stays/stays-api.ts";
import { StructureSwitcher } from "../features/stays/structure-switcher.tsx";

/** A citizenship by its Italian name, never the ISTAT code. */
function citizenshipOf(code: string | null, stateless: string): string | null {
  if (code === null) return null;
  if (code === statelessIstatCode) return stateless;
  return findCountryByIstatCode(code)?.name ?? null;
}

function AcceptedIdentity({ accepted, structureId }: { accepted: PlacementAccepted; structureId: string }) {
  const { t } = useTranslation();
  const { identity } = accepted;
  const rows: [string, string | null][] = [
    [t("placements.inbox.fiscalCode"), identity.fiscalCode],
    [t("placements.inbox.familyName"), identity.familyName],
    [t("placements.inbox.givenName"), identity.givenName],
    [t("placements.inbox.birthDate"), identity.birthDate ? formatItalianDate(identity.birthDate) : null],
    [t("placements.inbox.citizenship"), citizenshipOf(identity.citizenship, t("registry.values.stateless"))],
  ];
  return (
    <div className="alert alert-success" role="status">
      <h2 className="h5">{t("placements.inbox.identityHeading")}</h2>
      <p>{t("placements.inbox.identityIntro")}</p>
      <dl className="row mb-2">
        {rows.map(([label, value]) => (
          <div key={label} className="col-12 col-md-6 d-flex gap-2">
            <dt>{label}</dt>
            <dd className="mb-1">{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
      <Link to={`/ospiti/${structureId}/ammissione`} className="btn btn-primary btn-sm">
        {t("placements.inbox.toAdmission")}
      </Link>
    </div>
  );
}

type Accepting = ReturnType<typeof useAcceptPlacementRequest>;

function RequestCard({
  request,
  structureId,
  accept,
}: {
  request: PlacementRequest;
  structureId: string;
  accept: Accepting;
}) {
  const { t } = useTranslation();
  const decline = useDeclinePlacementRequest(structureId);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState("");
  const { needs } = request;
  const onDecline = (event: FormEvent) => {
    event.preventDefault();
    decline.mutate({ requestId: request.id, reason });
  };
  return (
    <li className="card card-bg shadow-sm mb-3" data-request={request.id}>
      <div className="card-body">
        <h2 className="h5 card-title mb-1">
          {request.minorPseudonym} · {labelOf(placementRequestStates, request.state)}
        </h2>
        <p className="mb-2">
          {t("placements.inbox.from", {
            service: request.serviceName,
            date: formatItalianDate(request.sentAt.slice(0, 10)),
          })}
        </p>
        <ul className="mb-2">
          <li>
            {needs.age === null
              ? t("placements.inbox.ageUnknown")
              : t("placements.inbox.age", { age: needs.age })}
          </li>
          <li>{t("placements.inbox.sex", { sex: t(`placements.sex.${needs.sex}`) })}</li>
          {needs.msna && <li>{t("placements.inbox.msna")}</li>}
          {needs.motherWithChild && <li>{t("placements.inbox.motherWithChild")}</li>}
          {needs.nationalType && <li>{codeLabel("nationalType", needs.nationalType)}</li>}
          <li>{t("placements.inbox.wishedStartOn", { date: formatItalianDate(needs.wishedStartOn) })}</li>
          {needs.note && <li>{t("placements.inbox.note", { note: needs.note })}</li>}
          {request.declineReason && (
            <li>{t("placements.requests.declinedFor", { reason: request.declineReason })}</li>
          )}
        </ul>
        {request.state === "sent" && (
          <div className="d-flex flex-wrap gap-2">
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={accept.isPending}
              onClick={() => accept.mutate(request.id)}
            >
              {t("placements.inbox.accept")}
            </button>
            <button
              type="button"
              className="btn btn-outline-primary btn-sm"
              onClick={() => setDeclining((open) => !open)}
            >
              {t("placements.inbox.decline")}
            </button>
          </div>
        )}
        {declining && request.state === "sent" && (
          <form onSubmit={onDecline} className="mt-3" aria-label={t("placements.inbox.decline")}>
            <TextAreaField
              id={`decline-reason-${request.id}`}
              label={t("placements.inbox.reason")}
              required
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <button type="submit" className="btn btn-primary btn-sm" disabled={decline.isPending}>
              {t("placements.inbox.confirmDecline")}
            </button>
          </form>
        )}
        {decline.error && <ErrorAlert error={decline.error} />}
      </div>
    </li>
  );
}

/** A structure's placement requests: accept (the identity, to record the admission) or decline. */
export function PlacementRequestsPage() {
  const { t } = useTranslation();
  const { structureId = "" } = useParams();
  const [draft, setDraft] = useState("sent");
  const [state, setState] = useState<PlacementRequestState | undefined>("sent");
  const requests = useStructurePlacementRequests(structureId, state);
  // Held by the page: the accepted request leaves the list of those waiting, its identity stays shown.
  const accept = useAcceptPlacementRequest(structureId);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const parsed = PlacementRequestState.safeParse(draft);
    setState(parsed.success ? parsed.data : undefined);
  };
  return (
    <>
      <PageHeader
        title={t("placements.inbox.title")}
        crumbs={[
          { label: t("nav.home"), to: "/" },
          { label: t("nav.placementRequests"), to: "/richieste-inserimento" },
        ]}
      >
        <p>{t("placements.inbox.intro")}</p>
      </PageHeader>
      <form onSubmit={apply} className="row align-items-end mb-4" aria-label={t("placements.inbox.state")}>
        <div className="col-12 col-md-4">
          <SelectField
            id="placement-inbox-state"
            label={t("placements.inbox.state")}
            placeholder={t("placements.inbox.allStates")}
            options={placementRequestStates.map((entry) => ({ value: entry.code, label: entry.label }))}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
        </div>
        <div className="col-12 col-md-2">
          <button type="submit" className="btn btn-primary mb-3">
            {t("placements.inbox.apply")}
          </button>
        </div>
      </form>
      {accept.data && <AcceptedIdentity accepted={accept.data} structureId={structureId} />}
      {accept.error && <ErrorAlert error={accept.error} />}
      {requests.isPending ? (
        <Loading />
      ) : requests.error ? (
        <ErrorAlert error={requests.error} />
      ) : requests.data.length === 0 ? (
        <p>{t("placements.inbox.empty")}</p>
      ) : (
        <ul className="list-unstyled" id="placement-inbox">
          {requests.data.map((request) => (
            <RequestCard key={request.id} request={request} structureId={structureId} accept={accept} />
          ))}
        </ul>
      )}
    </>
  );
}

/** From the menu: one structure goes straight to its requests; several are chosen from. */
export function PlacementRequestsChoosePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: session } = useSession();
  const own = session?.active?.structureId ?? null;
  const choices = useStructureChoices();
  if (own) return <Navigate to={`/richieste-inserimento/${own}`} replace />;
  if (choices.data?.length === 1)
    return <Navigate to={`/richieste-inserimento/${choices.data[0].id}`} replace />;
  return (
    <>
      <PageHeader title={t("placements.inbox.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("placements.inbox.choose")}</p>
      </PageHeader>
      {choices.isPending && <Loading />}
      {choices.error && <ErrorAlert error={choices.error} />}
      {choices.data?.length === 0 && <p>{t("placements.inbox.none")}</p>}
      {choices.data && choices.data.length > 1 && (
        <StructureSwitcher
          choices={choices.data}
          value=""
          onChoose={(structureId) => navigate(`/richieste-inserimento/${structureId}`)}
          submitLabel={t("placements.inbox.chooseSubmit")}
        />
      )}
    </>
  );
}
