// argmap serve: redraw the page when its map file is saved (Server-Sent Events from the
// server the page came from), a link back to the list of maps, and the projector view
// (large text, no side panel). Text reaches the page through textContent only.
"use strict";
(() => {
  const live = AM_LIVE;
  if (live.projection) document.body.classList.add("am-projection", "am-panel-hidden");
  const place = document.querySelector(".am-header") || document.querySelector(".am-links");
  const links = document.createElement("span");
  links.className = "am-live-links";
  const link = (href, text) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    links.appendChild(a);
  };
  if (live.toggle) link(live.toggle, live.projection ? "Normal view" : "Projector view");
  if (live.index) link(live.index, "All maps");
  if (place && links.firstChild) place.appendChild(links);
  const events = new EventSource(live.events);
  events.addEventListener("change", () => {
    events.close();
    location.reload();
  });
})();
