(function () {
  "use strict";
  var doc = document;
  var findings = Array.prototype.slice.call(doc.querySelectorAll(".finding"));
  var beadRows = Array.prototype.slice.call(doc.querySelectorAll("tr.bead"));
  var findingRows = Array.prototype.slice.call(doc.querySelectorAll("tr.finding-row"));
  var groups = Array.prototype.slice.call(doc.querySelectorAll(".passage-findings"));
  var marks = Array.prototype.slice.call(doc.querySelectorAll("mark[data-f]"));
  var shownCount = doc.getElementById("shown-count");
  var showWaived = doc.getElementById("show-waived");
  var flaggedOnly = doc.getElementById("flagged-only");

  function checked(name) {
    var set = {};
    doc.querySelectorAll('input[data-filter="' + name + '"]').forEach(function (box) {
      if (box.checked) { set[box.value] = true; }
    });
    return set;
  }

  function isVisible(id) {
    var el = doc.getElementById(id);
    return !!el && !el.hidden;
  }

  function apply() {
    var sev = checked("severity");
    var kind = checked("kind");
    var waived = !showWaived || showWaived.checked;
    var shown = 0;
    findings.forEach(function (f) {
      var vis = !!sev[f.dataset.severity] && !!kind[f.dataset.kind] && (waived || f.dataset.waived !== "true");
      f.hidden = !vis;
      if (vis) { shown += 1; } else { f.classList.remove("current"); }
    });
    findingRows.forEach(function (tr) { tr.hidden = !tr.querySelector(".finding:not([hidden])"); });
    groups.forEach(function (g) { g.hidden = !g.querySelector(".finding:not([hidden])"); });
    beadRows.forEach(function (tr) {
      var ids = (tr.dataset.findings || "").split(" ").filter(Boolean);
      var any = ids.some(isVisible);
      tr.classList.toggle("flagged", any);
      tr.hidden = !!(flaggedOnly && flaggedOnly.checked && !any);
    });
    marks.forEach(function (m) { m.classList.toggle("off", !isVisible(m.dataset.f)); });
    if (shownCount) {
      shownCount.textContent = shown + " of " + findings.length + " finding" + (findings.length === 1 ? "" : "s") + " shown";
    }
  }

  doc.querySelectorAll(".filterbar input").forEach(function (box) { box.addEventListener("change", apply); });

  // Keyboard navigation: j / n next finding, k / p previous; focus moves to the finding card.
  var current = -1;
  function visibleFindings() {
    return findings.filter(function (f) { return !f.hidden && f.getClientRects().length > 0; });
  }
  function go(step) {
    var list = visibleFindings();
    if (!list.length) { return; }
    var active = doc.activeElement && doc.activeElement.closest ? doc.activeElement.closest(".finding") : null;
    var at = active ? list.indexOf(active) : -1;
    if (at < 0 && current >= 0) {
      at = list.indexOf(findings[current]);
    }
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(at + step, 0), list.length - 1);
    var el = list[next];
    findings.forEach(function (f) { f.classList.remove("current"); });
    beadRows.forEach(function (tr) { tr.classList.remove("row-current"); });
    el.classList.add("current");
    var row = el.closest("tr.finding-row");
    if (row) {
      var bead = doc.getElementById(row.dataset.bead);
      if (bead) { bead.classList.add("row-current"); }
    }
    current = findings.indexOf(el);
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
  }
  doc.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    var tag = t && t.tagName ? t.tagName.toLowerCase() : "";
    if ((tag === "input" && t.type !== "checkbox") || tag === "textarea" || tag === "select" || (t && t.isContentEditable)) {
      return;
    }
    var step = 0;
    if (e.key === "j" || e.key === "n") { step = 1; }
    if (e.key === "k" || e.key === "p") { step = -1; }
    if (step) {
      e.preventDefault();
      go(step);
    }
  });

  // Printing shows everything: open collapsed texts and provenance panels.
  window.addEventListener("beforeprint", function () {
    doc.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  apply();
})();
