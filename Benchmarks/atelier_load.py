"""Load test of `cadre atelier` on loopback: USERS collectivités edit step 3 of their strategy
at once and autosave it, as the page's script does, for DURATION seconds.

The administrator is set up with `cadre atelier compte`, then invites every collectivité over
HTTP; each invited user activates its account (its own session). During the run each user, in
its own thread with its own keep-alive connection, waits 0.5 to 1 s (seeded random: the same
run every time), changes the vision, the mission and the general objective, and posts the whole
step-3 form as the browser's FormData would (`X-Requested-With: fetch`); the time from sending
to the JSON answer is one sample. At the end every user's YAML is exported and must hold the
last text the server acknowledged: nothing saved may be lost.

    USERS=50 DURATION=60 SEED=13 CADRE=.build/release/cadre python3 Benchmarks/atelier_load.py
"""
import html.parser
import http.client
import json
import os
import pathlib
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

import yaml

ROOT = pathlib.Path(__file__).resolve().parent.parent
USERS = int(os.environ.get("USERS", "50"))
DURATION = float(os.environ.get("DURATION", "60"))
SEED = int(os.environ.get("SEED", "13"))
CADRE = os.environ.get("CADRE", str(ROOT / ".build/release/cadre"))
TARGET_P95_MS = 150
EDITED = ("vision", "mission", "objectif_general")


class Client:
    """One browser: a keep-alive connection and its cookies."""

    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, form=None, headers=None):
        body = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (0, 1):
            try:
                self.connection.request(method, path, body=body, headers=sent)
                answer = self.connection.getresponse()
                data = answer.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # The server closed an idle keep-alive connection: one new one, as a browser does.
                self.connection.close()
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                if attempt:
                    raise
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";")[0]
            if re.search(r";\s*Max-Age=0", header, re.I) or not value:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value
        return answer.status, answer.headers, data

    def get_page(self, path):
        status, headers, body = self.request("GET", path)
        # Follows the atelier's redirects (303 after a form, / to the collectivité's strategy).
        for _ in range(5):
            if status not in (301, 302, 303):
                break
            path = headers["Location"]
            status, headers, body = self.request("GET", path)
        return status, body.decode("utf-8", errors="replace"), path


class FormFields(html.parser.HTMLParser):
    """What a browser's FormData posts for the first form (or the one with `form_id`): text
    inputs, hidden inputs, checked boxes and radios, text areas, selected options."""

    def __init__(self, form_id=None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.done = False
        self.fields = []
        self.textarea = None
        self.select = None
        self.option = None
        self.template = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (self.form_id is None or a.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        if tag == "template":
            self.template += 1
        if self.template:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.fields.append((name, a.get("value", "on")))
            elif kind not in ("submit", "button", "file"):
                self.fields.append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea = [name, ""]
        elif tag == "select" and name:
            self.select = [name, None, None]
        elif tag == "option" and self.select:
            self.option = a.get("value")
            if self.select[2] is None:
                self.select[2] = self.option
            if "selected" in a:
                self.select[1] = self.option

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if not self.inside:
            return
        if tag == "template":
            self.template -= 1
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append((self.textarea[0], self.textarea[1]))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            self.fields.append((self.select[0], self.select[1] if self.select[1] is not None else (self.select[2] or "")))
            self.select = None
        elif tag == "form":
            self.inside = False
            self.done = True


def form_fields(page, form_id=None):
    parser = FormFields(form_id)
    parser.feed(page)
    return parser.fields


def csrf(page):
    found = re.search(r'name="_csrf" value="([^"]+)"', page)
    if not found:
        raise RuntimeError("pas de _csrf dans la page")
    return found.group(1)


def activate(port, link):
    """A new browser that opens its activation link and chooses its password."""
    client = Client(port)
    path = urllib.parse.urlparse(link).path
    status, page, _ = client.get_page(path)
    if status != 200:
        raise RuntimeError(f"activation {path} : HTTP {status}")
    password = "mot-de-passe-du-banc-d-essai"
    status, headers, _ = client.request("POST", path, {"_csrf": csrf(page), "mot_de_passe": password, "confirmation": password})
    if status != 303 or "cadre_atelier" not in client.cookies:
        raise RuntimeError(f"activation {path} : HTTP {status}, pas de session")
    return client


def start_server(data):
    server = subprocess.Popen([CADRE, "atelier", "--root", str(ROOT), "--data", str(data), "--port", "0", "--host", "127.0.0.1"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120
    for line in server.stderr:
        match = re.search(r"atelier sur http://127\.0\.0\.1:(\d+)/", line)
        if match:
            threading.Thread(target=lambda: server.stderr.read(), daemon=True).start()
            return server, int(match.group(1))
        if time.time() > deadline:
            break
    server.kill()
    raise RuntimeError("l'atelier n'a pas annoncé son adresse sur stderr")


def cpu_seconds(pid):
    """User + system CPU time of a process so far (s)."""
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_memory_kb(pid):
    found = re.search(r"VmHWM:\s+(\d+)", pathlib.Path(f"/proc/{pid}/status").read_text())
    return int(found.group(1)) if found else 0


def percentile(ordered, fraction):
    return ordered[max(0, int(round(fraction * len(ordered))) - 1)]


class User(threading.Thread):
    def __init__(self, number, client, slug, stop_at):
        super().__init__(daemon=True)
        self.number, self.client, self.slug, self.stop_at = number, client, slug, stop_at
        self.random = random.Random(SEED * 1000 + number)
        self.latencies, self.errors = [], []
        self.acknowledged = None   # the texts of the last save the server answered with 200
        self.unanswered = []       # saves sent whose answer never came (they may have been stored)
        self.versions = []
        self.before = None         # the file before the run: what must not change

    def run(self):
        address = f"/strategies/{self.slug}/etape/3"
        status, body, _ = self.client.get_page(f"/strategies/{self.slug}/telecharger/{self.slug}.yml")
        self.before = yaml.safe_load(body) if status == 200 else None
        status, page, _ = self.client.get_page(address)
        if status != 200:
            self.errors.append(f"GET {address} : HTTP {status}")
            return
        fields = form_fields(page, "formulaire-etape")
        if not any(name == "_csrf" for name, _ in fields):
            self.errors.append("pas de _csrf dans le formulaire de l'étape 3")
            return
        edit = 0
        while True:
            time.sleep(self.random.uniform(0.5, 1.0))
            if time.time() >= self.stop_at:
                return
            edit += 1
            texts = {key: f"{key} de l'utilisateur {self.number}, modification {edit} ({self.random.getrandbits(32):08x})" for key in EDITED}
            form = [(name, texts.get(name, value)) for name, value in fields]
            start = time.perf_counter()
            try:
                status, _, body = self.client.request("POST", address, form, {"X-Requested-With": "fetch"})
            except Exception as error:  # noqa: BLE001 — every failure is counted
                self.errors.append(f"{type(error).__name__}: {error}")
                self.unanswered.append(texts)
                continue
            elapsed = (time.perf_counter() - start) * 1000
            try:
                answer = json.loads(body) if status == 200 else None
            except ValueError:
                answer = None
            if answer is None or not isinstance(answer.get("version"), int):
                self.errors.append(f"HTTP {status} : {body[:120]!r}")
                self.unanswered.append(texts)
                continue
            self.latencies.append(elapsed)
            self.versions.append(answer["version"])
            self.acknowledged = texts
            self.unanswered = []


def main():
    if not os.access(CADRE, os.X_OK):
        sys.exit(f"banc d'essai : {CADRE} introuvable (swift build -c release --product cadre)")
    data = pathlib.Path(tempfile.mkdtemp(prefix="cadre-atelier-bench-"))
    server, port = start_server(data)
    lines = []
    try:
        link = subprocess.run([CADRE, "atelier", "compte", "--admin", "admin@banc.example", "--data", str(data), "--url", f"http://127.0.0.1:{port}"],
                              capture_output=True, text=True, check=True).stdout
        admin = activate(port, re.search(r"http://\S+/activer/\S+", link).group(0))
        status, page, _ = admin.get_page("/")
        slugs, links = [], []
        set_up = time.perf_counter()
        for number in range(USERS):
            name = f"Commune de Banc-d'Essai {number:02d}"
            status, headers, body = admin.request("POST", "/inviter", {"_csrf": csrf(page), "nom": name, "email": f"commune{number:02d}@banc.example"})
            page = body.decode("utf-8")
            invitation = re.search(r'<code class="lien-invitation">([^<]+)</code>', page)
            if status != 200 or not invitation:
                raise RuntimeError(f"invitation de {name} : HTTP {status}")
            links.append(invitation.group(1))
            slugs.append(f"commune-de-banc-d-essai-{number:02d}")
        clients = []
        for link, slug in zip(links, slugs):
            client = activate(port, link)
            status, _, where = client.get_page("/")
            if where != f"/strategies/{slug}":
                raise RuntimeError(f"la collectivité {slug} arrive sur {where} au lieu de /strategies/{slug}")
            clients.append(client)
        set_up = time.perf_counter() - set_up

        cpu_before = cpu_seconds(server.pid)
        start = time.time()
        users = [User(number, client, slug, start + DURATION) for number, (client, slug) in enumerate(zip(clients, slugs))]
        for user in users:
            user.start()
        for user in users:
            user.join(DURATION + 60)
        wall = time.time() - start
        cpu = cpu_seconds(server.pid) - cpu_before

        # Nothing lost: each user's export holds its last acknowledged texts.
        lost = []
        for user in users:
            if user.acknowledged is None:
                continue
            status, body, _ = user.client.get_page(f"/strategies/{user.slug}/telecharger/{user.slug}.yml")
            exported = yaml.safe_load(body) if status == 200 else {}
            stored = {key: (exported or {}).get(key) for key in EDITED}
            if stored != user.acknowledged and stored not in user.unanswered:
                lost.append(f"{user.slug} : exporté {stored.get('vision')!r}, dernier enregistré {user.acknowledged['vision']!r}")
            # The rest of the file is as it was: posting the form as a browser does changes nothing else.
            # An empty list and an absent key say the same (the atelier drops `valeurs: []`).
            rest = {key: value for key, value in (exported or {}).items() if key not in EDITED and value not in ([], None)}
            kept = {key: value for key, value in (user.before or {}).items() if key not in EDITED and value not in ([], None)}
            if user.before is not None and rest != kept:
                changed = sorted(key for key in set(rest) | set(kept) if rest.get(key) != kept.get(key))
                lost.append(f"{user.slug} : d'autres champs ont changé : " + " ; ".join(f"{key} {user.before.get(key)!r} → {rest.get(key)!r}" for key in changed))

        samples = sorted(s for user in users for s in user.latencies)
        errors = [e for user in users for e in user.errors]
        lines.append(f"### L'atelier sous charge : {USERS} utilisateurs modifient l'étape 3 et l'enregistrent automatiquement pendant {DURATION:.0f} s (boucle locale)")
        lines.append("| enregistrements | par seconde | p50 (ms) | p95 (ms) | max (ms) | erreurs | perdus | CPU du serveur | mémoire max du serveur |")
        lines.append("|---|---|---|---|---|---|---|---|---|")
        if samples:
            lines.append(f"| {len(samples)} | {len(samples) / wall:.1f} | {statistics.median(samples):.0f} | {percentile(samples, 0.95):.0f} | {samples[-1]:.0f} "
                         f"| {len(errors)} | {len(lost)} | {cpu:.1f} s ({100 * cpu / wall:.0f} % d'un cœur) | {peak_memory_kb(server.pid) // 1024} Mo |")
        else:
            lines.append(f"| 0 | — | — | — | — | {len(errors)} | {len(lost)} | | |")
        lines.append(f"\nmise en place (invitation et activation de {USERS} comptes, mots de passe hachés compris) : {set_up:.1f} s")
        for error in errors[:10]:
            lines.append(f"erreur : {error}")
        for entry in lost[:10]:
            lines.append(f"perdu : {entry}")
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)
        reference = subprocess.run(["python3", "-c", "import time; t = time.process_time(); sum(range(40_000_000)); print(round(time.process_time() - t, 2))"],
                                   capture_output=True, text=True).stdout.strip()
        lines.append(f"\nréférence de vitesse (python3, sum(range(40 000 000))) : {reference} s")
    print("\n".join(lines))
    verdict = "atteint" if samples and percentile(samples, 0.95) < TARGET_P95_MS else "non atteint"
    print(f"\nobjectifs : p95 < {TARGET_P95_MS} ms sur {os.cpu_count()} cœurs ({verdict}), aucune erreur ({len(errors)}), rien de perdu ({len(lost)})")
    sys.exit(1 if errors or lost or not samples else 0)


if __name__ == "__main__":
    main()
