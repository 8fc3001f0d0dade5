import "bootstrap-italia/dist/css/bootstrap-italia.min.css";
import "./styles/fonts.css";
import "./styles/app.css";
import "./i18n/setup.ts";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";

const container = document.getElementById("root");
if (!container) throw new Error("Missing #root element");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
