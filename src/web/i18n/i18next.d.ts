import "i18next";
import type { Messages } from "./it.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    resources: { translation: Messages };
    returnNull: false;
  }
}
