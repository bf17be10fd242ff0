// The demo gallery's entry (index.html): the only side effect is rendering the gallery.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { Gallery } from "./Gallery.tsx";
import "./gallery.css";

const container = document.getElementById("gallery");
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Gallery />
    </StrictMode>,
  );
}
