// argmap slide deck: one slide at a time; arrow keys, Page Up/Down, space and the
// buttons move, F or the button goes full screen, #slide-N in the address names a slide.
"use strict";
(() => {
  const slides = Array.from(document.querySelectorAll(".am-slide"));
  const count = document.getElementById("am-count");
  const XLINK = "http://www.w3.org/1999/xlink";
  let at = 0;
  document.documentElement.classList.add("am-js");

  const show = (k) => {
    at = Math.max(0, Math.min(slides.length - 1, k));
    slides.forEach((slide, i) => slide.classList.toggle("am-current", i === at));
    count.textContent = `${at + 1} / ${slides.length}`;
    const hash = `#slide-${at + 1}`;
    if (location.hash !== hash) {
      try {
        history.replaceState(null, "", hash);
      } catch (err) {
        // some browsers refuse to change the address of a local file: nothing is lost
      }
    }
  };
  const fromHash = () => {
    const m = /^#slide-(\d+)$/.exec(location.hash);
    return m ? Number(m[1]) - 1 : 0;
  };
  const fullScreen = () => {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen();
    }
  };

  const NEXT = new Set(["ArrowRight", "ArrowDown", "PageDown", " ", "Enter", "n"]);
  const PREVIOUS = new Set(["ArrowLeft", "ArrowUp", "PageUp", "Backspace", "p"]);
  document.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest && event.target.closest("button") && event.key === "Enter") return;
    let handled = true;
    if (event.key === " " && event.shiftKey) show(at - 1);
    else if (NEXT.has(event.key)) show(at + 1);
    else if (PREVIOUS.has(event.key)) show(at - 1);
    else if (event.key === "Home") show(0);
    else if (event.key === "End") show(slides.length - 1);
    else if (event.key === "f" || event.key === "F") fullScreen();
    else handled = false;
    if (handled) event.preventDefault();
  });
  document.getElementById("am-prev").addEventListener("click", () => show(at - 1));
  document.getElementById("am-next").addEventListener("click", () => show(at + 1));
  document.getElementById("am-full").addEventListener("click", fullScreen);
  // A reference box ("continued on slide 7") links to #…slide-7: go there.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a");
    if (!link) return;
    const href = link.getAttribute("href") || link.getAttributeNS(XLINK, "href") || "";
    const m = /slide-(\d+)$/.exec(href);
    if (m && href.startsWith("#")) {
      event.preventDefault();
      show(Number(m[1]) - 1);
    }
  });
  window.addEventListener("hashchange", () => show(fromHash()));
  show(fromHash());
})();
