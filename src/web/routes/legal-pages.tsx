import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ContactLink } from "../components/contact-link.tsx";
import { PageHeader } from "../components/page-header.tsx";
import { useSettings } from "../features/settings/settings-api.ts";

function useRegion() {
  const settings = useSettings().data;
  return { settings, regionName: settings?.regionName ?? "La Regione" };
}

function Section({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="mb-4">
      <h2 className="h4">{heading}</h2>
      {children}
    </section>
  );
}

export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  const { settings, regionName } = useRegion();
  return (
    <>
      <PageHeader title={t("legal.accessibility.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("legal.accessibility.intro", { regionName })}</p>
      </PageHeader>
      <Section heading={t("legal.accessibility.statusHeading")}>
        <p>{t("legal.accessibility.status")}</p>
      </Section>
      <Section heading={t("legal.accessibility.exceptionsHeading")}>
        <p>{t("legal.accessibility.exceptions")}</p>
      </Section>
      <Section heading={t("legal.accessibility.statementHeading")}>
        <p>
          {settings?.accessibilityStatementUrl ? (
            <a href={settings.accessibilityStatementUrl}>{t("legal.accessibility.statementLink")}</a>
          ) : (
            t("legal.accessibility.statementPending")
          )}
        </p>
      </Section>
      <Section heading={t("legal.accessibility.feedbackHeading")}>
        <p>{t("legal.accessibility.feedback")}</p>
        <p>
          {t("legal.contactBy")} <ContactLink contact={settings?.helpContact} />
        </p>
      </Section>
      <Section heading={t("legal.accessibility.enforcementHeading")}>
        <p>{t("legal.accessibility.enforcement")}</p>
        <p>
          <a href="https://form.agid.gov.it">{t("legal.accessibility.enforcementLink")}</a>
        </p>
      </Section>
    </>
  );
}

export function PrivacyNoticePage() {
  const { t } = useTranslation();
  const { settings, regionName } = useRegion();
  const sections = ["purposes", "data", "recipients", "retention", "rights"] as const;
  return (
    <>
      <PageHeader title={t("legal.privacy.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("legal.privacy.intro")}</p>
      </PageHeader>
      <Section heading={t("legal.privacy.controllerHeading")}>
        <p>{t("legal.privacy.controller", { regionName })}</p>
        <p>
          {t("legal.privacy.dpo")} <ContactLink contact={settings?.privacyContact} />
        </p>
      </Section>
      {sections.map((key) => (
        <Section key={key} heading={t(`legal.privacy.${key}Heading`)}>
          <p>{t(`legal.privacy.${key}`)}</p>
        </Section>
      ))}
    </>
  );
}

export function LegalNotesPage() {
  const { t } = useTranslation();
  const { regionName } = useRegion();
  const sections = ["use", "contents", "responsibility"] as const;
  return (
    <>
      <PageHeader title={t("legal.legalNotes.title")} crumbs={[{ label: t("nav.home"), to: "/" }]} />
      {sections.map((key) => (
        <Section key={key} heading={t(`legal.legalNotes.${key}Heading`)}>
          <p>{t(`legal.legalNotes.${key}`, { regionName })}</p>
        </Section>
      ))}
    </>
  );
}

export function HelpPage() {
  const { t } = useTranslation();
  const { settings, regionName } = useRegion();
  return (
    <>
      <PageHeader title={t("legal.help.title")} crumbs={[{ label: t("nav.home"), to: "/" }]}>
        <p>{t("legal.help.intro", { regionName })}</p>
      </PageHeader>
      <Section heading={t("legal.help.contactHeading")}>
        <p id="help-contact">
          <ContactLink contact={settings?.helpContact} />
        </p>
      </Section>
      <Section heading={t("legal.help.whatHeading")}>
        <p>{t("legal.help.what")}</p>
      </Section>
      <Section heading={t("legal.help.accessHeading")}>
        <p>{t("legal.help.access")}</p>
      </Section>
    </>
  );
}
