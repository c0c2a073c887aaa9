"""Helpers of the atelier's browser tests (test_atelier.py): the real `cadre atelier` started
as a subprocess on a free port with a scratch database, HTTP with the browser's cookies, the
Valmont example flattened into the form's field names, and the form filled from it."""

import datetime
import io
import json
import re
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
import zipfile

import pytest
import yaml

from conftest import REPOSITORY

VALMONT = REPOSITORY / "Content" / "collectivites" / "valmont.yml"
READY = re.compile(r"atelier sur (http://127\.0\.0\.1:(\d+)/)")
LINK = re.compile(r"https?://[^\s<\"]+/activer/[A-Za-z0-9_\-.~%]+")

# The top-level keys of the collectivité file each step of the form asks for.
STEPS = {
    1: ("collectivite", "mandature", "deliberation", "portage", "gouvernance"),
    2: ("diagnostic", "parties_prenantes"),
    3: ("valeurs", "vision", "mission", "objectif_general", "objectifs_specifiques",
        "priorites_geographiques", "priorites_thematiques"),
    4: ("mesure_objectif_general", "resultats", "indicateurs", "financement", "reseaux",
        "communication", "evaluations"),
}


class Atelier:
    """`cadre atelier` on 127.0.0.1, a free port, its database in `data`."""

    def __init__(self, cadre, data):
        self.cadre = str(cadre)
        self.data = str(data)
        self.errors = []
        self.process = subprocess.Popen(
            [self.cadre, "atelier", "--root", str(REPOSITORY), "--data", self.data, "--port", "0", "--host", "127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        found = threading.Event()
        self.url = None

        def drain():
            for line in self.process.stderr:
                self.errors.append(line.rstrip("\n"))
                match = READY.search(line)
                if match and not found.is_set():
                    self.url = match.group(1).rstrip("/")
                    found.set()
            found.set()

        threading.Thread(target=drain, daemon=True).start()
        found.wait(120)
        if self.url is None:
            self.stop()
            pytest.fail("l'atelier n'a pas annoncé son adresse sur stderr (« cadre : atelier sur http://127.0.0.1:PORT/ ») :\n"
                        + "\n".join(self.errors[-30:]))

    def admin_link(self, email):
        """The one-time link printed by `cadre atelier compte --admin`."""
        run = subprocess.run([self.cadre, "atelier", "compte", "--admin", email, "--data", self.data, "--url", self.url],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, f"`cadre atelier compte` a échoué ({run.returncode}) :\n{run.stderr}"
        links = LINK.findall(run.stdout)
        assert links, f"`cadre atelier compte` n'a pas affiché de lien /activer/… sur stdout :\n{run.stdout}"
        return links[0]

    def died(self):
        """None while the server runs, else what it said before stopping."""
        if self.process.poll() is None:
            return None
        time.sleep(0.2)
        return f"l'atelier s'est arrêté (code {self.process.returncode}) :\n" + "\n".join(self.errors[-40:])

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# MARK: HTTP with the browser's session

def cookie_header(browser):
    return "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http(url, cookie="", data=None, headers=None, timeout=300):
    """(status, headers, body) of a request, redirects not followed."""
    request = urllib.request.Request(url, data=data, headers={"Cookie": cookie, **(headers or {})})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as answer:
            return answer.status, answer.headers, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def main_text(body):
    """The text of an atelier page's <main>, for a failure message."""
    text = body.decode("utf-8", errors="replace")
    found = re.search(r"<main[^>]*>(.*?)</main>", text, re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(1) if found else text[:600])).strip()[:600]


def odt_mimetype(body):
    """The `mimetype` entry of an OpenDocument package, or None when it is no zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as package:
            return package.read("mimetype").decode("ascii"), package.namelist()[0]
    except (zipfile.BadZipFile, KeyError):
        return None, None


# MARK: The Valmont example as the form's fields

def valmont():
    return yaml.safe_load(VALMONT.read_text(encoding="utf-8"))


def normalised(value):
    """YAML data with dates as text: `2027-03-19` is a date to PyYAML, `2030-12` a string, and
    whether a writer quotes them is no difference of data."""
    if isinstance(value, dict):
        return {key: normalised(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalised(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def differences(expected, actual, path="", found=None):
    """Every path where two decoded YAML documents differ, as readable lines."""
    found = [] if found is None else found
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in list(expected) + [k for k in actual if k not in expected]:
            where = f"{path}.{key}" if path else str(key)
            if key not in actual:
                found.append(f"{where} : absent de l'export (attendu {expected[key]!r})")
            elif key not in expected:
                found.append(f"{where} : en trop dans l'export ({actual[key]!r})")
            else:
                differences(expected[key], actual[key], where, found)
    elif isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        for index, (a, b) in enumerate(zip(expected, actual)):
            differences(a, b, f"{path}.{index}", found)
    elif expected != actual:
        found.append(f"{path} : attendu {expected!r}, exporté {actual!r}")
    return found


def field_values(data, keys):
    """{form field name: value} for the given top-level keys, and {repeated group: item count}.
    Lists of texts stay lists (lines, identifiers or checkboxes, as the form shows them)."""
    values, groups = {}, {}

    def walk(value, path):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}")
        elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
            groups[path] = len(value)
            for index, item in enumerate(value):
                walk(item, f"{path}.{index}")
        else:
            values[path] = value

    for key in keys:
        if key in data:
            walk(data[key], key)
    return values, groups


def as_text(value, control):
    """A YAML value as typed in the form: lists one per line in a text area, comma-separated in
    a text input; numbers and dates as written in the file."""
    if isinstance(value, list):
        return ("\n" if control == "TEXTAREA" else ", ").join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return "" if value is None else str(value)


# One browser round trip fills every field the page shows: the wanted values into the controls
# found, every other answer the page shows emptied (the model's placeholders), items beyond
# the wanted count marked for removal. Returns the fields not on the page yet.
FILL_SCRIPT = r"""
const [values, groups] = arguments;
const form = document.getElementById("formulaire-etape");
if (!form) return {error: "pas de formulaire #formulaire-etape"};
const missing = [], problems = [];
const byName = {};
form.querySelectorAll("input, textarea, select").forEach((c) => {
  if (!c.name) return;
  (byName[c.name] = byName[c.name] || []).push(c);
});
function text(value, tag) {
  if (Array.isArray(value)) return value.map(String).join(tag === "TEXTAREA" ? "\n" : ", ");
  if (value === null || value === undefined) return "";
  if (value === true) return "true";
  if (value === false) return "false";
  return String(value);
}
for (const [name, value] of Object.entries(values)) {
  const controls = (byName[name] || []).filter((c) => c.type !== "hidden");
  if (!controls.length) { missing.push(name); continue; }
  const first = controls[0];
  if (first.type === "checkbox") {
    const wanted = new Set((Array.isArray(value) ? value : [value]).map(String));
    controls.forEach((c) => { c.checked = wanted.has(c.value); });
    const known = new Set(controls.map((c) => c.value));
    wanted.forEach((v) => { if (!known.has(v)) problems.push(name + " : pas de case « " + v + " »"); });
  } else if (first.type === "radio") {
    const wanted = text(value);
    const match = controls.find((c) => c.value === wanted);
    if (match) match.checked = true; else problems.push(name + " : pas de bouton radio « " + wanted + " »");
  } else if (first.tagName === "SELECT") {
    const wanted = text(value);
    if (![...first.options].some((o) => o.value === wanted)) problems.push(name + " : pas d'option « " + wanted + " »");
    first.value = wanted;
  } else {
    first.value = text(value, first.tagName);
  }
}
// Everything else the page shows, outside the blank items, holds the model's placeholders.
const groupOf = (name) => Object.keys(groups).find((g) => name.startsWith(g + ".") && /^\d+/.test(name.slice(g.length + 1)));
form.querySelectorAll("input, textarea, select").forEach((c) => {
  if (!c.name || c.name in values || c.type === "hidden" || c.name.startsWith("_") || /\._(position|supprimer)$/.test(c.name)) return;
  if (c.closest("template")) return;
  if (c.type === "checkbox" || c.type === "radio") { c.checked = false; return; }
  if (c.tagName === "SELECT") { c.value = ""; return; }
  c.value = "";
});
// Items beyond the example's count: removed.
form.querySelectorAll("input[type=checkbox]").forEach((c) => {
  const m = c.name.match(/^(.*)\.(\d+)\._supprimer$/);
  if (!m) return;
  const wanted = groups[m[1]];
  c.checked = wanted !== undefined ? Number(m[2]) >= wanted : false;
});
return {missing, problems};
"""
