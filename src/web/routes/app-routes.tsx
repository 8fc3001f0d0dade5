import { Route, Routes } from "react-router";
import { legalPaths } from "../components/contact-link.tsx";
import { Layout } from "../components/layout.tsx";
import { RequireSession } from "../components/require-session.tsx";
import { AccessProtocolPage } from "./access-protocol-page.tsx";
import { AdmissionPage } from "./admission-page.tsx";
import { AdmissionReviewsPage } from "./admission-reviews-page.tsx";
import { ApprovalsPage } from "./approvals-page.tsx";
import { AuditPage } from "./audit-page.tsx";
import { BreakGlassPage } from "./break-glass-page.tsx";
import { BreakGlassReviewsPage } from "./break-glass-reviews-page.tsx";
import { CasePage } from "./case-page.tsx";
import { ChooseRolePage } from "./choose-role-page.tsx";
import { DuplicatesPage } from "./duplicates-page.tsx";
import { FreePlacesPage } from "./free-places-page.tsx";
import { GuestsChoosePage } from "./guests-choose-page.tsx";
import { GuestsPage } from "./guests-page.tsx";
import { HomePage } from "./home-page.tsx";
import { AccessibilityStatementPage, HelpPage, LegalNotesPage, PrivacyNoticePage } from "./legal-pages.tsx";
import { LoginPage } from "./login-page.tsx";
import { PasswordChangePage, SecondFactorEnrolmentPage, SecondFactorPage } from "./login-step-pages.tsx";
import { MachineClientsPage } from "./machine-clients-page.tsx";
import { MinorOpenPage } from "./minor-open-page.tsx";
import { MinorPage } from "./minor-page.tsx";
import { MyCasesPage } from "./my-cases-page.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { NotificationsPage } from "./notifications-page.tsx";
import { OccupancyPage } from "./occupancy-page.tsx";
import { PlacementRequestsChoosePage, PlacementRequestsPage } from "./placement-requests-page.tsx";
import { RegistrySearchPage } from "./registry-search-page.tsx";
import { ReportCatalogueRoute, ReportsDashboardRoute, StructureFiguresRoute } from "./report-pages.tsx";
import { SessionsPage } from "./sessions-page.tsx";
import { SignInRefusalPage } from "./sign-in-refusal-page.tsx";
import { SinbaEntiPage } from "./sinba-enti-page.tsx";
import { SinbaPage } from "./sinba-page.tsx";
import { StayPage } from "./stay-page.tsx";
import { StructureDetailPage } from "./structure-detail-page.tsx";
import { StructureEditPage } from "./structure-edit-page.tsx";
import { StructureNewPage } from "./structure-new-page.tsx";
import { StructuresPage } from "./structures-page.tsx";
import { UsersPage } from "./users-page.tsx";

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/accesso" element={<LoginPage />} />
        <Route path="/accesso/esito" element={<SignInRefusalPage />} />
        <Route path="/accesso/verifica" element={<SecondFactorPage />} />
        <Route path="/accesso/cambio-password" element={<PasswordChangePage />} />
        <Route path="/accesso/secondo-fattore" element={<SecondFactorEnrolmentPage />} />
        <Route path="/scegli-ruolo" element={<ChooseRolePage />} />
        <Route
          path="/sessioni"
          element={
            <RequireSession>
              <SessionsPage />
            </RequireSession>
          }
        />
        <Route
          index
          element={
            <RequireSession>
              <HomePage />
            </RequireSession>
          }
        />
        <Route
          path="/strutture"
          element={
            <RequireSession action="structure.read">
              <StructuresPage />
            </RequireSession>
          }
        />
        <Route
          path="/accesso-emergenza"
          element={
            <RequireSession action="break-glass.open">
              <BreakGlassPage />
            </RequireSession>
          }
        />
        <Route
          path="/revisione-emergenze"
          element={
            <RequireSession action="break-glass.review">
              <BreakGlassReviewsPage />
            </RequireSession>
          }
        />
        <Route
          path="/revisione-ammissioni"
          element={
            <RequireSession action="audit.read">
              <AdmissionReviewsPage />
            </RequireSession>
          }
        />
        <Route
          path="/gestionali"
          element={
            <RequireSession action="machine-client.manage">
              <MachineClientsPage />
            </RequireSession>
          }
        />
        <Route
          path="/strutture/nuova"
          element={
            <RequireSession action="structure.register">
              <StructureNewPage />
            </RequireSession>
          }
        />
        <Route
          path="/strutture/:id"
          element={
            <RequireSession action="structure.read">
              <StructureDetailPage />
            </RequireSession>
          }
        />
        <Route
          path="/strutture/:id/modifica"
          element={
            <RequireSession action="structure.edit">
              <StructureEditPage />
            </RequireSession>
          }
        />
        <Route
          path="/strutture/:id/presenze"
          element={
            <RequireSession action="places.read">
              <OccupancyPage />
            </RequireSession>
          }
        />
        <Route
          path="/ospiti"
          element={
            <RequireSession action="stay.read">
              <GuestsChoosePage />
            </RequireSession>
          }
        />
        <Route
          path="/ospiti/:structureId"
          element={
            <RequireSession action="stay.read">
              <GuestsPage />
            </RequireSession>
          }
        />
        <Route
          path="/ospiti/:structureId/ammissione"
          element={
            <RequireSession action="stay.write">
              <AdmissionPage />
            </RequireSession>
          }
        />
        <Route
          path="/richieste-inserimento"
          element={
            <RequireSession action="placement.answer">
              <PlacementRequestsChoosePage />
            </RequireSession>
          }
        />
        <Route
          path="/richieste-inserimento/:structureId"
          element={
            <RequireSession action="placement.answer">
              <PlacementRequestsPage />
            </RequireSession>
          }
        />
        <Route
          path="/cartelle"
          element={
            <RequireSession action="case.read">
              <MyCasesPage />
            </RequireSession>
          }
        />
        <Route
          path="/cartelle/:caseId"
          element={
            <RequireSession action="case.read">
              <CasePage />
            </RequireSession>
          }
        />
        <Route
          path="/notifiche"
          element={
            <RequireSession action="notification.read">
              <NotificationsPage />
            </RequireSession>
          }
        />
        <Route
          path="/flusso-sinba"
          element={
            <RequireSession action="sinba.read">
              <SinbaPage />
            </RequireSession>
          }
        />
        <Route
          path="/flusso-sinba/enti"
          element={
            <RequireSession action="sinba.read">
              <SinbaEntiPage />
            </RequireSession>
          }
        />
        <Route
          path="/accoglienze/:stayId"
          element={
            <RequireSession action="stay.read">
              <StayPage />
            </RequireSession>
          }
        />
        <Route
          path="/posti-liberi"
          element={
            <RequireSession action="places.read">
              <FreePlacesPage />
            </RequireSession>
          }
        />
        <Route
          path="/approvazioni"
          element={
            <RequireSession action="structure.decide">
              <ApprovalsPage />
            </RequireSession>
          }
        />
        <Route
          path="/anagrafe/ricerca"
          element={
            <RequireSession action="registry.lookup">
              <RegistrySearchPage />
            </RequireSession>
          }
        />
        <Route
          path="/anagrafe/duplicati"
          element={
            <RequireSession action="registry.review">
              <DuplicatesPage />
            </RequireSession>
          }
        />
        <Route
          path="/anagrafe/minori"
          element={
            <RequireSession action="registry.read">
              <MinorOpenPage />
            </RequireSession>
          }
        />
        <Route
          path="/anagrafe/minori/:pseudonym"
          element={
            <RequireSession action="registry.read">
              <MinorPage />
            </RequireSession>
          }
        />
        <Route
          path="/registro-accessi"
          element={
            <RequireSession action="audit.read">
              <AuditPage />
            </RequireSession>
          }
        />
        <Route
          path="/protocollo-accesso"
          element={
            <RequireSession>
              <AccessProtocolPage />
            </RequireSession>
          }
        />
        <Route
          path="/utenti"
          element={
            <RequireSession action="user.manage">
              <UsersPage />
            </RequireSession>
          }
        />
        <Route path="/monitoraggio" element={<ReportsDashboardRoute />} />
        <Route path="/report" element={<ReportCatalogueRoute />} />
        <Route path="/dati-struttura" element={<StructureFiguresRoute />} />
        <Route path={legalPaths.accessibility} element={<AccessibilityStatementPage />} />
        <Route path={legalPaths.privacy} element={<PrivacyNoticePage />} />
        <Route path={legalPaths.legalNotes} element={<LegalNotesPage />} />
        <Route path={legalPaths.help} element={<HelpPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
