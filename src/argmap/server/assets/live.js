// argmap serve: redraw the page when its map file is saved (Server-Sent Events from the
// server the page came from), a link back to the list of maps, and the projector view
// (large text, no side panel). Text reaches the page through textContent only.
"use strict";
(() => {
  const live = AM_LIVE;
  if (live.projection) document.body.classList.add("am-projection", "am-panel-hidden");
  const bar = document.querySelector(".am-toolbar") || document.querySelector(".am-links");
  const link = (href, text, cls) => {
    const a = document.createElement("a");
    a.href = href;
    a.className = cls;
    a.textContent = text;
    bar.appendChild(a);
  };
  if (bar && live.toggle) {
    link(live.toggle, live.projection ? "Normal view" : "Projector view", "am-live-link am-projector");
  }
  if (bar && live.index) link(live.index, "All maps", "am-live-link");
  const events = new EventSource(live.events);
  events.addEventListener("change", () => {
    events.close();
    location.reload();
  });
})();
