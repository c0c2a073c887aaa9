// cadre serve: keeps the page up to date while its sources are edited, shows the sources'
// errors over the page (the page itself stays the last good version) and warnings in a badge.
(() => {
  "use strict";
  const here = decodeURIComponent(location.pathname).replace(/^\//, "").replace(/(^|\/)$/, "$1index.html");
  const chapter = here.match(/^([^/]+)\/([^/]+)\.html$/);
  const ui = document.createElement("div");
  ui.id = "cadre-apercu";
  ui.innerHTML = `
    <div class="cadre-barre" role="region" aria-label="Aperçu cadre">
      <span class="cadre-etat" aria-live="polite"></span>
      <button type="button" class="cadre-badge" hidden aria-expanded="false"></button>
      <span class="cadre-impression"></span>
    </div>
    <div class="cadre-avertissements" hidden><h2>Avertissements</h2><ul></ul></div>
    <div class="cadre-erreurs" role="alert" hidden>
      <h2>Erreurs dans les sources</h2>
      <p>La page montre la dernière version correcte ; elle se mettra à jour d'elle-même quand les erreurs seront corrigées.</p>
      <ul></ul>
    </div>`;
  document.documentElement.appendChild(ui);
  const links = ui.querySelector(".cadre-impression");
  if (chapter && chapter[2] !== "index" && chapter[1] !== "strategies") {
    links.append(link(`/_cadre/apercu/${chapter[1]}/${chapter[2]}`, "Aperçu avant impression du chapitre"), " · ");
  }
  const publication = here.split("/")[0];
  if (here.includes("/") && publication !== "strategies") {
    links.append(link(`/_cadre/apercu/${publication}`, "de la publication"));
  }
  const badge = ui.querySelector(".cadre-badge");
  const warnings = ui.querySelector(".cadre-avertissements");
  badge.addEventListener("click", () => {
    warnings.hidden = !warnings.hidden;
    badge.setAttribute("aria-expanded", String(!warnings.hidden));
  });

  function link(href, text) {
    const a = document.createElement("a");
    a.href = href;
    a.target = "_blank";
    a.textContent = text;
    return a;
  }

  function fill(list, items) {
    list.replaceChildren(...items.map((item) => {
      const li = document.createElement("li");
      const where = document.createElement("code");
      where.textContent = item.location;
      li.append(where, " " + item.message);
      if (item.hint) {
        const hint = document.createElement("span");
        hint.className = "cadre-conseil";
        hint.textContent = item.hint;
        li.append(hint);
      }
      return li;
    }));
  }

  function show(status) {
    const errors = ui.querySelector(".cadre-erreurs");
    fill(errors.querySelector("ul"), status.errors);
    errors.hidden = status.errors.length === 0;
    fill(warnings.querySelector("ul"), status.warnings);
    badge.hidden = status.warnings.length === 0;
    badge.textContent = `${status.warnings.length} avertissement${status.warnings.length > 1 ? "s" : ""}`;
    if (badge.hidden) warnings.hidden = true;
  }

  async function refresh() {
    const response = await fetch(location.pathname, { cache: "no-store" });
    if (!response.ok) return;
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html");
    fresh.querySelectorAll('script[src^="/_cadre/"], link[href^="/_cadre/"]').forEach((node) => node.remove());
    const x = window.scrollX, y = window.scrollY;
    document.title = fresh.title;
    document.body.replaceWith(document.adoptNode(fresh.body));
    window.scrollTo(x, y);
    document.dispatchEvent(new CustomEvent("cadre:actualise"));
  }

  const state = ui.querySelector(".cadre-etat");
  const events = new EventSource("/_cadre/evenements");
  events.onopen = () => { state.textContent = "Aperçu en direct"; };
  events.onerror = () => { state.textContent = "Serveur injoignable — relancez « cadre serve »"; };
  events.onmessage = (message) => {
    const change = JSON.parse(message.data);
    show(change.status);
    if (change.changed.includes(here)) {
      refresh();
    } else if (change.changed.some((path) => /\.(css|woff2?|ttf|otf)$/.test(path) && path.startsWith(publication + "/"))) {
      location.reload();
    }
  };
})();
