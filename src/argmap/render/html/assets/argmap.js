// argmap interactive page: pan and zoom, highlight a claim's sub-argument, filter by
// kind, findings and outline that jump to their claim, a side panel that can be hidden.
// The same script runs the page for an iframe (body.am-embed): there a click, or Enter
// on a claim reached with Tab, shows the claim's details in a dialog. Map text only
// ever reaches the page through textContent and setAttribute, never as markup.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("am-data").textContent);
  const viewport = document.getElementById("am-viewport");
  const svg = viewport.querySelector("svg");
  const status = document.getElementById("am-status");
  const details = document.getElementById("am-details-body");
  const embed = document.body.classList.contains("am-embed");
  const overlay = document.getElementById("am-overlay");
  const overlayBody = document.getElementById("am-overlay-body");
  const claims = new Map(data.claims.map((c) => [c.id, c]));
  const arguers = new Map(data.claims.map((c) => [c.id, []]));
  const arguesAbout = new Map(data.claims.map((c) => [c.id, []]));
  for (const r of data.relations) {
    arguers.get(r.to).push(r);
    arguesAbout.get(r.from).push(r);
  }

  // --- Find the diagram's shapes by element id: the SVG prefixes every id with
  // data.prefix, so node n0 is the element "<prefix>n0" and edge e3 is "<prefix>e3". ---
  const nodeEls = new Map();
  for (const g of svg.querySelectorAll("g.node")) {
    if (g.id.startsWith(data.prefix)) nodeEls.set(g.id.slice(data.prefix.length), g);
  }
  for (const c of data.claims) {
    const g = nodeEls.get(c.node);
    if (g) {
      g.setAttribute("data-claim", c.id);
      g.classList.add("am-claim-node");
      if (embed) {
        // Each claim is a button: Tab reaches it, Enter or Space shows its details.
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", `${[c.label, c.id, c.badge].filter(Boolean).join(" ")}: ${c.text}`);
        for (const a of g.querySelectorAll("a")) a.setAttribute("tabindex", "-1");
      }
    }
  }
  // In a frame, a link to another page of the map ("+N claims") stays in the frame.
  if (embed) for (const a of svg.querySelectorAll("a[target=_top]")) a.setAttribute("target", "_self");
  const edgeEls = [];
  for (const e of data.edges) {
    const g = document.getElementById(data.prefix + e.id);
    if (g && svg.contains(g)) edgeEls.push({ el: g, from: e.from, to: e.to });
  }

  // --- Pan and zoom by rewriting the viewBox. ---
  const full = svg.viewBox.baseVal;
  // "Fit" shows the whole map with a margin, so no claim touches the pane's edges;
  // a column layout (data-fit="width") fits the pane's width and starts at its top.
  const fitWidth = svg.getAttribute("data-fit") === "width";
  const margin = 0.02 * (fitWidth ? full.width : Math.max(full.width, full.height));
  const home = { x: full.x - margin, y: full.y - margin,
    w: full.width + 2 * margin, h: full.height + 2 * margin };
  const pane = svg.getBoundingClientRect();
  if (fitWidth && pane.width > 0) home.h = home.w * pane.height / pane.width;
  let view = { ...home };
  const setView = (v) => {
    const w = Math.min(Math.max(v.w, home.w / 40), home.w * 4);
    const scale = w / v.w;
    const h = v.h * scale;
    view = { x: v.x + (v.w - w) / 2, y: v.y + (v.h - h) / 2, w, h };
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
  };
  const toSvg = (cx, cy) => {
    const m = svg.getScreenCTM();
    return m ? new DOMPoint(cx, cy).matrixTransform(m.inverse()) : new DOMPoint(0, 0);
  };
  const zoomAt = (factor, px, py) => {
    const w = Math.min(Math.max(view.w / factor, home.w / 40), home.w * 4);
    const f = view.w / w;
    setView({ x: px - (px - view.x) / f, y: py - (py - view.y) / f, w, h: view.h / f });
  };
  const zoomCentre = (factor) => zoomAt(factor, view.x + view.w / 2, view.y + view.h / 2);
  const panBy = (fx, fy) => setView({ ...view, x: view.x + fx * view.w, y: view.y + fy * view.h });
  const fitBox = (box, pad) => {
    const m = svg.getScreenCTM();
    const rect = svg.getBoundingClientRect();
    if (!m || !rect.width) return;
    // Never zoom in past 1.6 screen pixels per diagram unit: the box stays in context.
    const minW = rect.width / 1.6;
    const minH = rect.height / 1.6;
    const w = Math.max(box.w + 2 * pad, minW, (box.h + 2 * pad) * rect.width / rect.height);
    const h = Math.max(box.h + 2 * pad, minH, w * rect.height / rect.width);
    setView({ x: box.x + box.w / 2 - w / 2, y: box.y + box.h / 2 - h / 2, w, h });
  };
  const boxOf = (els) => {
    let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      const a = toSvg(r.left, r.top);
      const b = toSvg(r.right, r.bottom);
      x0 = Math.min(x0, a.x); y0 = Math.min(y0, a.y);
      x1 = Math.max(x1, b.x); y1 = Math.max(y1, b.y);
    }
    return x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  };

  viewport.addEventListener("wheel", (e) => {
    if (embed && !e.ctrlKey && !e.metaKey) return;  // in an article, the wheel scrolls the article
    e.preventDefault();
    const p = toSvg(e.clientX, e.clientY);
    zoomAt(Math.exp(-e.deltaY * 0.0015), p.x, p.y);
  }, { passive: false });

  let drag = null;
  let dragged = false;  // the last pointer gesture was a drag, not a click
  viewport.addEventListener("pointerdown", (e) => {
    if (e.button !== 0) return;
    drag = { id: e.pointerId, x: e.clientX, y: e.clientY, view: { ...view }, moved: false };
  });
  viewport.addEventListener("pointermove", (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 5) return;
    if (!drag.moved) {
      drag.moved = true;
      viewport.setPointerCapture(e.pointerId);
      viewport.classList.add("am-dragging");
    }
    const m = svg.getScreenCTM();
    const s = m ? m.a : 1;
    setView({ ...drag.view, x: drag.view.x - dx / s, y: drag.view.y - dy / s });
  });
  const endDrag = (e) => {
    if (!drag || e.pointerId !== drag.id) return;
    const moved = drag.moved;
    dragged = moved;
    drag = null;
    viewport.classList.remove("am-dragging");
    if (moved) return;
    const g = e.target.closest ? e.target.closest("g[data-claim]") : null;
    select(g ? g.getAttribute("data-claim") : null, { reveal: false });
    // A click in the diagram brings the claim's details into view: in the side panel,
    // or in the dialog when there is no panel or it is hidden.
    if (g && panelShown()) document.getElementById("am-details-h").scrollIntoView({ block: "nearest" });
    else if (g) openOverlay(g);
  };
  viewport.addEventListener("pointerup", endDrag);
  // A claim whose source is a web address is a link in the SVG; on the page a plain
  // click selects the claim (its source is linked in the side panel) and a drag never
  // follows a link. Ctrl-, Shift- or Cmd-click still opens it; "+N claims" boxes of
  // --split pages stay links to their pages.
  viewport.addEventListener("click", (e) => {
    const a = e.target.closest ? e.target.closest("a") : null;
    if (!a) return;
    const g = a.closest("g[data-claim]");
    const plain = !(e.ctrlKey || e.metaKey || e.shiftKey || e.altKey);
    if (dragged || (g && plain)) e.preventDefault();
    if (g && plain && e.detail === 0) select(g.getAttribute("data-claim"), { reveal: false });
    dragged = false;
  });
  viewport.addEventListener("keydown", (e) => {
    const g = e.target.closest ? e.target.closest("g[data-claim]") : null;
    if (!g || (e.key !== "Enter" && e.key !== " ")) return;
    e.preventDefault();
    select(g.getAttribute("data-claim"), { reveal: false });
    openOverlay(g);
  });
  viewport.addEventListener("pointercancel", () => {
    drag = null;
    viewport.classList.remove("am-dragging");
  });
  viewport.addEventListener("keydown", (e) => {
    const keys = {
      ArrowLeft: () => panBy(-0.1, 0), ArrowRight: () => panBy(0.1, 0),
      ArrowUp: () => panBy(0, -0.1), ArrowDown: () => panBy(0, 0.1),
      "+": () => zoomCentre(1.25), "=": () => zoomCentre(1.25), "-": () => zoomCentre(0.8),
      "0": () => setView(home), Escape: () => select(null, { reveal: false }),
    };
    if (keys[e.key] && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      keys[e.key]();
    }
  });
  for (const b of document.querySelectorAll("[data-zoom]")) {
    b.addEventListener("click", () => {
      const how = b.getAttribute("data-zoom");
      if (how === "in") zoomCentre(1.25);
      else if (how === "out") zoomCentre(0.8);
      else setView(home);
    });
  }

  // --- Selection: a claim and everything that argues about it, directly or through others. ---
  let selected = null;
  const subArgument = (id) => {
    const seen = new Set([id]);
    const todo = [id];
    while (todo.length) {
      for (const r of arguers.get(todo.pop())) {
        if (!seen.has(r.from)) {
          seen.add(r.from);
          todo.push(r.from);
        }
      }
    }
    return seen;
  };
  const litNames = (ids) => {
    const names = new Set();
    for (const id of ids) {
      names.add(claims.get(id).node);
      if (claims.get(id).fold) names.add(claims.get(id).fold);
    }
    for (const r of data.relations) {
      if (r.junction && ids.has(r.to) && ids.has(r.from)) names.add(r.junction);
    }
    return names;
  };
  const caption = (c) => [c.label, c.id]
    .concat(c.para.length ? ["¶" + c.para.join(",")] : [], c.badge ? [c.badge] : []).join(" · ");
  const arguing = (n) => (n === 0 ? "No claim drawn here argues about it"
    : `${n} claim${n === 1 ? "" : "s"} argue${n === 1 ? "s" : ""} about it, directly or through others`);
  // A page link as its file name reads ("%FF" of a name that is not UTF-8 stays as it is).
  const readable = (url) => {
    try { return decodeURIComponent(url); } catch (_) { return url; }
  };
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  function select(id, opts) {
    if (id !== null && !claims.has(id)) id = null;
    selected = id;
    for (const g of svg.querySelectorAll(".am-lit, .am-selected")) {
      g.classList.remove("am-lit", "am-selected");
    }
    for (const b of document.querySelectorAll(".am-row[aria-current]")) b.removeAttribute("aria-current");
    viewport.classList.toggle("am-selecting", id !== null);
    if (id === null) {
      if (details) details.replaceChildren(el("p", "am-hint", data.hint));
      if (overlay && overlay.open) overlay.close();
      status.textContent = "No claim selected.";
      return;
    }
    const ids = subArgument(id);
    const names = litNames(ids);
    for (const [name, g] of nodeEls) if (names.has(name)) g.classList.add("am-lit");
    for (const e of edgeEls) if (names.has(e.from) && names.has(e.to)) e.el.classList.add("am-lit");
    const own = nodeEls.get(claims.get(id).node);
    if (own) own.classList.add("am-selected");
    for (const b of document.querySelectorAll(".am-row[data-claim]")) {
      if (b.getAttribute("data-claim") === id && !b.closest(".am-list")) b.setAttribute("aria-current", "true");
    }
    if (details) details.replaceChildren(...detailParts(claims.get(id), ids.size - 1));
    if (overlay && overlay.open) showOverlay(claims.get(id), ids.size - 1);
    const c = claims.get(id);
    status.textContent = `Selected ${caption(c)}. ${arguing(ids.size - 1)}.`;
    if (opts.reveal) {
      const box = boxOf([...names].map((n) => nodeEls.get(n)).filter(Boolean));
      if (box) fitBox(box, 30);
    }
  }

  // What is known of claim c (count: how many claims argue about it), as elements:
  // caption (unless withCaption is false), text, source, its page, relations, findings
  // in plain words.
  function detailParts(c, count, withCaption = true) {
    const parts = withCaption ? [el("p", "am-details-cap", caption(c))] : [];
    parts.push(el("p", "am-details-text", c.text));
    const sources = c.source ? [[c.source, c.href], ...(c.more || [])] : [];
    for (const [source, href] of sources) {
      const p = el("p", "am-details-source", "Source: ");
      if (href) {
        const a = el("a", "", source);
        a.setAttribute("href", href);
        a.setAttribute("rel", "noopener noreferrer");
        if (embed) a.setAttribute("target", "_blank");
        p.append(a);
      } else {
        p.append(source);
      }
      parts.push(p);
    }
    if (c.page) {
      const p = el("p", "am-details-source", "Its sub-argument in full: ");
      const a = el("a", "", readable(c.page));
      a.setAttribute("href", c.page);
      p.append(a);
      parts.push(p);
    }
    const dl = el("dl");
    const row = (label, rels, end) => {
      if (!rels.length) return;
      const dd = el("dd");
      for (const r of rels) {
        const other = r[end];
        // A linked premise supports only together with its partners: name them.
        const partners = end === "to" && r.junction ? data.relations
          .filter((x) => x.inference === r.inference && x.type === "support" && x.from !== c.id)
          .map((x) => x.from) : [];
        const note = r.type === "undercut" ? " (undercut)"
          : partners.length ? ` (with ${partners.join(", ")})` : "";
        const b = el("button", "am-chip", `${other}${note}`);
        b.type = "button";
        b.setAttribute("aria-label", `${label} ${caption(claims.get(other))}`);
        b.setAttribute("title", claims.get(other).text);
        b.addEventListener("click", () => select(other, { reveal: true }));
        dd.append(b);
      }
      dl.append(el("dt", "", label), dd);
    };
    const into = arguers.get(c.id);
    const out = arguesAbout.get(c.id);
    row("Supported by", into.filter((r) => r.type === "support"), "from");
    row("Attacked by", into.filter((r) => r.type !== "support"), "from");
    row("Supports", out.filter((r) => r.type === "support"), "to");
    row("Attacks", out.filter((r) => r.type !== "support"), "to");
    if (c.findings.length) {
      const words = c.findings.map((code, i) => (code ? `${c.words[i]} (${code})` : c.words[i]));
      dl.append(el("dt", "", "Findings"), el("dd", "am-warn", words.join(", ")));
    }
    parts.push(dl, el("p", "am-hint", `${arguing(count)}${count ? "; they stay lit" : ""}.`));
    return parts;
  }

  // --- The details dialog: the page for an iframe, or the whole page with its panel hidden. ---
  let opener = null;  // the claim whose click or Enter opened the dialog
  let focusBefore = null;  // what had focus when it opened (the browser gives it back on close)
  const overlayCap = document.getElementById("am-overlay-cap");
  function showOverlay(c, count) {
    overlayCap.textContent = caption(c);
    overlayBody.replaceChildren(...detailParts(c, count, false));
    opener = nodeEls.get(c.node) || opener;
    if (overlay.open) overlayCap.focus();
  }
  function openOverlay(g) {
    if (!overlay || !selected) return;
    opener = g;
    // The dialog takes the half of the frame the claim is not in, so both are seen.
    const r = g.getBoundingClientRect();
    const low = r.top + r.height / 2 > window.innerHeight / 2;
    overlay.classList.toggle("am-at-top", low);
    overlay.classList.toggle("am-at-bottom", !low);
    if (!overlay.open) {
      focusBefore = document.activeElement;
      overlay.showModal();
    }
    showOverlay(claims.get(selected), subArgument(selected).size - 1);
  }
  if (overlay) {
    overlay.querySelector(".am-close").addEventListener("click", () => overlay.close());
    // A click outside the box (on the backdrop) closes it too.
    overlay.addEventListener("click", (e) => { if (e.target === overlay) overlay.close(); });
    overlay.addEventListener("close", () => {
      // The close event comes a task later: a claim opened since then keeps its dialog.
      if (overlay.open) return;
      const back = opener;
      opener = null;
      select(null, { reveal: false });
      // Focus goes back to the claim last shown, unless it has moved on since the dialog closed.
      const now = document.activeElement;
      const moved = now && now !== document.body && now !== focusBefore && !overlay.contains(now);
      if (back && back.isConnected && back.hasAttribute("tabindex") && !moved) back.focus({ preventScroll: true });
    });
  }

  // --- The side panel can be hidden (remembered in this browser when it allows storage). ---
  const side = document.getElementById("am-side");
  const toggle = document.querySelector(".am-panel-toggle");
  const panelShown = () => Boolean(side) && !document.body.classList.contains("am-panel-hidden");
  const setPanel = (open, remember) => {
    document.body.classList.toggle("am-panel-hidden", !open);
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = open ? "Hide panel" : "Show panel";
    if (remember) {
      try { localStorage.setItem("argmap-panel", open ? "shown" : "hidden"); } catch (_) { /* no storage */ }
    }
  };
  if (side && toggle) {
    let stored = null;
    try { stored = localStorage.getItem("argmap-panel"); } catch (_) { /* no storage */ }
    setPanel(stored !== "hidden", false);
    toggle.addEventListener("click", () => setPanel(!panelShown(), true));
  }

  for (const b of document.querySelectorAll(".am-row[data-claim]")) {
    b.addEventListener("click", () => select(b.getAttribute("data-claim"), { reveal: true }));
  }

  // --- Outline keyboard: arrows, Home and End move between visible rows. ---
  const outline = document.getElementById("am-outline");
  if (outline) outline.addEventListener("keydown", (e) => {
    if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(e.key)) return;
    const rows = [...outline.querySelectorAll(".am-row")].filter((b) => b.offsetParent !== null);
    const i = rows.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: rows.length - 1 }[e.key];
    rows[Math.min(Math.max(next, 0), rows.length - 1)].focus();
  });

  // --- Filter by kind: hide claims of unchecked kinds and every line that touches them. ---
  const boxes = [...document.querySelectorAll(".am-filter input[type=checkbox]")];
  const applyFilter = () => {
    const hidden = new Set(boxes.filter((b) => !b.checked).map((b) => b.value));
    const gone = new Set();
    for (const c of data.claims) {
      if (hidden.has(c.kind)) {
        gone.add(c.node);
        if (c.fold) gone.add(c.fold);
      }
    }
    const junctions = new Map();
    for (const r of data.relations) {
      if (!r.junction) continue;
      const j = junctions.get(r.junction) || { to: r.to, live: false };
      if (!hidden.has(claims.get(r.from).kind) && r.type !== "undercut") j.live = true;
      junctions.set(r.junction, j);
    }
    for (const [name, j] of junctions) {
      if (!j.live || hidden.has(claims.get(j.to).kind)) gone.add(name);
    }
    for (const [name, g] of nodeEls) g.classList.toggle("am-filtered", gone.has(name));
    for (const e of edgeEls) e.el.classList.toggle("am-filtered", gone.has(e.from) || gone.has(e.to));
    for (const li of document.querySelectorAll("li[data-kind]")) {
      li.classList.toggle("am-filtered", hidden.has(li.getAttribute("data-kind")));
    }
    const shown = boxes.length - hidden.size;
    status.textContent = `Showing ${shown} of ${boxes.length} kinds of claim.`;
  };
  for (const b of boxes) b.addEventListener("change", applyFilter);

  setView(home);
  select(null, { reveal: false });
  status.textContent = "";
})();
