import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { TableRegion } from "../../components/table-region.tsx";
import { itSinba } from "../../i18n/it-sinba.ts";
import type { SinbaNotSendableItem } from "./sinba-api.ts";
import { instantLabel, linkToPart } from "./sinba-links.ts";

/** The cases that cannot be sent yet: what is missing, field by field, and where to fill it. */
export function SinbaNotSendable({ items }: { items: SinbaNotSendableItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <p id="sinba-not-sendable-empty">{t("sinba.notSendable.empty")}</p>;
  return (
    <>
      <p>{t("sinba.notSendable.intro")}</p>
      <ul className="list-unstyled" id="sinba-not-sendable">
        {items.map((item) => (
          <li key={item.caseId} className="card card-bg shadow-sm mb-3">
            <div className="card-body">
              <h3 className="h5 card-title mb-1">
                <Link to={`/cartelle/${item.caseId}`}>
                  {t("sinba.notSendable.caseTitle", { pseudonym: item.minorPseudonym })}
                </Link>
                {item.caseStatus === "closed" && (
                  <span className="badge bg-secondary ms-2">{t("sinba.notSendable.closed")}</span>
                )}
              </h3>
              <p className="small text-secondary">
                {t("sinba.notSendable.checkedAt", { date: instantLabel(item.checkedAt) })}
              </p>
              <TableRegion label={t("sinba.notSendable.caption", { pseudonym: item.minorPseudonym })}>
                <table className="table table-sm mb-0">
                  <caption className="visually-hidden">
                    {t("sinba.notSendable.caption", { pseudonym: item.minorPseudonym })}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("sinba.notSendable.message")}</th>
                      <th scope="col">{t("sinba.notSendable.field")}</th>
                      <th scope="col">{t("sinba.notSendable.part")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.missing.map((missing) => {
                      const link = linkToPart(item.caseId, missing.part);
                      return (
                        <tr key={`${missing.field}-${missing.code}`}>
                          <td>{missing.message}</td>
                          <td>
                            <code>{missing.field}</code>
                          </td>
                          <td>
                            {link ? (
                              <Link to={link}>
                                {t("sinba.notSendable.fill", { part: partLabel(missing.part) })}
                              </Link>
                            ) : (
                              partLabel(missing.part)
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableRegion>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function partLabel(part: string): string {
  return Object.hasOwn(itSinba.parts, part) ? itSinba.parts[part as keyof typeof itSinba.parts] : part;
}
