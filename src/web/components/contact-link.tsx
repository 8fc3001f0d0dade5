import { useTranslation } from "react-i18next";

/** Where the footer's pages live: public, readable before signing in. */
export const legalPaths = {
  accessibility: "/dichiarazione-accessibilita",
  privacy: "/informativa-privacy",
  legalNotes: "/note-legali",
  help: "/assistenza",
} as const;

/** An e-mail address becomes a mailto link; anything else (a phone number, a web page) is shown as it is. */
export function ContactLink({ contact }: { contact: string | undefined }) {
  const { t } = useTranslation();
  if (!contact) return <span>{t("legal.notConfigured")}</span>;
  if (/^[^\s@]+@[^\s@]+$/.test(contact)) return <a href={`mailto:${contact}`}>{contact}</a>;
  if (/^https:\/\//.test(contact)) return <a href={contact}>{contact}</a>;
  return <span>{contact}</span>;
}
