// L'atelier: live rules and autosave, items added, moved and removed in repeated groups, and
// a data file read into the import form. Without this script every page still reads and saves.
"use strict";
(function () {
  const form = document.getElementById("formulaire-etape");
  const status = document.getElementById("etat-enregistrement");

  // Autosave: ~0.8 s after typing stops, and on every change; the answer places the rules.
  let timer = null, running = false, again = false;
  async function save() {
    if (running) { again = true; return; }
    running = true;
    try {
      const body = new URLSearchParams(new FormData(form));
      const answer = await fetch(form.action, { method: "POST", body, headers: { "X-Requested-With": "fetch" }, credentials: "same-origin" });
      if (!answer.ok) throw new Error(answer.status);
      const result = await answer.json();
      form.querySelectorAll(".regles").forEach((block) => {
        const html = result.regles[block.id] || "";
        if (block.innerHTML !== html) block.innerHTML = html;
      });
      form.querySelectorAll("[aria-invalid]").forEach((field) => field.removeAttribute("aria-invalid"));
      Object.keys(result.regles).forEach((id) => {
        const field = document.getElementById(id.replace(/-regles$/, ""));
        if (field && /^(INPUT|SELECT|TEXTAREA)$/.test(field.tagName)) field.setAttribute("aria-invalid", "true");
      });
      const summary = document.getElementById("resume-regles");
      if (summary) summary.outerHTML = result.resume;
      const grid = document.getElementById("grille");
      if (grid) grid.outerHTML = result.grille;
      status.textContent = result.enregistre;
    } catch (error) {
      status.textContent = "Enregistrement automatique impossible pour le moment : vos saisies restent dans la page ; cliquez sur « Enregistrer ».";
    } finally {
      running = false;
      if (again) { again = false; save(); }
    }
  }
  function later() { clearTimeout(timer); timer = setTimeout(save, 800); }

  if (form) {
    form.addEventListener("input", later);
    form.addEventListener("change", () => { clearTimeout(timer); save(); });
    window.addEventListener("pagehide", () => {
      // Typed but not yet saved: sent as the page closes (keepalive outlives it).
      if (timer) { clearTimeout(timer); fetch(form.action, { method: "POST", body: new URLSearchParams(new FormData(form)), headers: { "X-Requested-With": "fetch" }, keepalive: true }); }
    });
    setUp(form);
  }

  // Repeated groups: « Ajouter », « Monter », « Descendre » buttons.
  function setUp(root) {
    root.querySelectorAll("fieldset.groupe-repete").forEach((group) => {
      if (group.dataset.pret) return;
      group.dataset.pret = "1";
      const template = group.querySelector(":scope > template.modele-element");
      const add = document.createElement("button");
      add.type = "button";
      add.className = "ajouter";
      add.textContent = "Ajouter un élément";
      add.addEventListener("click", () => {
        const index = group.dataset.suivant;
        group.dataset.suivant = String(Number(index) + 1);
        const html = template.innerHTML.split("__i__").join(index);
        template.insertAdjacentHTML("beforebegin", html);
        const added = template.previousElementSibling;
        setUp(added);
        const first = added.querySelector("input, textarea, select");
        if (first) first.focus();
      });
      group.appendChild(add);
      group.querySelectorAll(":scope > fieldset.element:not(.nouveau)").forEach((item) => moveButtons(group, item));
    });
  }

  function moveButtons(group, item) {
    const box = item.querySelector(":scope > .ordre");
    if (!box) return;
    [["Monter", -1], ["Descendre", 1]].forEach(([label, step]) => {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = label;
      button.setAttribute("aria-label", label + " : " + item.querySelector("legend").textContent);
      button.addEventListener("click", () => {
        const items = Array.from(group.querySelectorAll(":scope > fieldset.element:not(.nouveau)"));
        const at = items.indexOf(item), to = at + step;
        if (to < 0 || to >= items.length) return;
        if (step < 0) items[to].before(item); else items[to].after(item);
        Array.from(group.querySelectorAll(":scope > fieldset.element:not(.nouveau)")).forEach((element, index) => {
          const position = element.querySelector(":scope > .ordre input[name$='._position']");
          if (position) position.value = String(index + 1);
        });
        button.focus();
        save();
      });
      box.appendChild(button);
    });
  }

  // Import: a chosen file fills the text area.
  document.querySelectorAll("input[type=file][data-remplit]").forEach((input) => {
    input.addEventListener("change", () => {
      const file = input.files[0];
      if (!file) return;
      file.text().then((text) => { document.getElementById(input.dataset.remplit).value = text; });
    });
  });
})();
