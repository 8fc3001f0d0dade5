import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import { it } from "./it.ts";

/** Italian is the only language: resources are bundled, so initialisation is synchronous. */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: "it",
  fallbackLng: "it",
  resources: { it: { translation: it } },
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
