"""Live-preview latency of `cadre serve` against `hugo server`, measured in a real browser.

Each server watches a scratch copy of the project; the script writes a chapter file, then
asks the headless Chromium page (WebDriver, every 2 ms) whether the new text is in its DOM.
The time from the end of the write to that moment is one sample.
"""
import pathlib, re, shutil, socket, statistics, subprocess, sys, tempfile, time, uuid

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parent.parent
EDITS = int(sys.argv[1]) if len(sys.argv) > 1 else 50
CHAPTER = "07-cadre-logique.md"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_for(driver, script, timeout=10.0):
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        if driver.execute_script(script):
            return time.perf_counter()
        time.sleep(0.002)
    raise TimeoutError(script)


def wait_http(url, process, timeout=120):
    import urllib.request
    end = time.time() + timeout
    while time.time() < end:
        if process.poll() is not None:
            raise RuntimeError(f"le serveur s'est arrêté : {url}")
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except Exception:
            time.sleep(0.1)
    raise TimeoutError(url)


def measure(driver, url, chapter_file, edits, rewrite):
    """Opens `url`, edits `chapter_file` `edits` times, returns the latencies in ms."""
    driver.get(url)
    time.sleep(0.5)
    original = chapter_file.read_text(encoding="utf-8")
    samples, lost = [], []
    try:
        for index in range(edits):
            marker = f"Mesure{index}x{uuid.uuid4().hex[:8]}"
            text = rewrite(original, marker)
            with open(chapter_file, "w", encoding="utf-8") as handle:
                handle.write(text)
            written = time.perf_counter()
            try:
                seen = wait_for(driver, f"return document.body && document.body.innerText.includes('{marker}')", timeout=5)
                samples.append((seen - written) * 1000)
            except TimeoutError:
                lost.append(index)
                driver.get(url)  # the page stopped following the server: open it again
                time.sleep(0.5)
            time.sleep(0.05)
    finally:
        chapter_file.write_text(original, encoding="utf-8")
    return samples, lost


def summary(name, samples, lost=()):
    if lost:
        name += f" ({len(lost)} modifications jamais affichées dans les 5 s)"
    ordered = sorted(samples)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return f"| {name} | {len(samples)} | {statistics.median(ordered):.0f} | {p95:.0f} | {ordered[-1]:.0f} |"


def add_paragraph(text, marker):
    return text.rstrip("\n") + f"\n\nParagraphe de mesure {marker}.\n"


def cadre_run(driver, lines):
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="cadre-serve-bench-"))
    shutil.copytree(ROOT / "Content", scratch / "Content")
    shutil.copytree(ROOT / "Templates", scratch / "Templates")
    port = free_port()
    server = subprocess.Popen([str(ROOT / ".build/release/cadre"), "serve", "--root", str(scratch), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"http://127.0.0.1:{port}/guide/", server)
        slug = re.sub(r"^\d+-", "", CHAPTER[:-3])
        url = f"http://127.0.0.1:{port}/guide/{slug}.html"
        chapter = scratch / "Content/guide" / CHAPTER
        lines.append(summary(f"cadre serve, un chapitre du guide ({CHAPTER})", *measure(driver, url, chapter, EDITS, add_paragraph)))
        # A data file every chapter uses: the acronyms. The expansion of one shown on the page changes.
        driver.get(url)
        time.sleep(0.5)
        acronym = driver.execute_script("const a = document.querySelector('main abbr[title]'); return a && a.textContent")
        data = scratch / "Content/data/acronymes.yml"
        original = data.read_text(encoding="utf-8")
        samples = []
        for index in range(max(10, EDITS // 5)):
            marker = f"Mesure{index}x{uuid.uuid4().hex[:8]}"
            changed, count = re.subn(rf"(- sigle: {re.escape(acronym)}\n\s+definition: )([^\n]+)", lambda m: m.group(1) + m.group(2) + f" {marker}", original, count=1)
            if count == 0:
                raise RuntimeError(f"acronyme {acronym} introuvable dans acronymes.yml")
            data.write_text(changed, encoding="utf-8")
            written = time.perf_counter()
            seen = wait_for(driver, f"return [...document.querySelectorAll('abbr[title]')].some(a => a.title.includes('{marker}'))")
            samples.append((seen - written) * 1000)
            time.sleep(0.05)
        data.write_text(original, encoding="utf-8")
        lines.append(summary(f"cadre serve, fichier de données de tout le guide (acronymes.yml, {acronym})", samples))
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(scratch, ignore_errors=True)


def hugo_run(driver, lines):
    if not shutil.which("hugo"):
        lines.append("| hugo server | — | non installé (scripts/setup --bench) | | |")
        return
    site = pathlib.Path(tempfile.mkdtemp(prefix="hugo-serve-bench-"))
    (site / "content").mkdir()
    (site / "layouts/_default").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "http://127.0.0.1/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', encoding="utf-8")
    (site / "layouts/_default/single.html").write_text("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n", encoding="utf-8")
    (site / "layouts/_default/list.html").write_text("<!DOCTYPE html><html><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li>{{ .Title }}</li>{{ end }}</ul></body></html>\n", encoding="utf-8")
    for source in sorted((ROOT / "Content/guide").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        # The same chapters, their front matter's title under Hugo's name; Mustache tags left as text.
        text = re.sub(r"^titre:", "title:", text, count=1, flags=re.M)
        (site / "content" / source.name).write_text(text, encoding="utf-8")
    port = free_port()
    server = subprocess.Popen(["hugo", "server", "--source", str(site), "--port", str(port), "--bind", "127.0.0.1",
                               "--disableFastRender=false", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        slug = CHAPTER[:-3]
        url = f"http://127.0.0.1:{port}/{slug}/"
        wait_http(url, server)
        lines.append(summary(f"hugo server, même chapitre ({CHAPTER})", *measure(driver, url, site / "content" / CHAPTER, EDITS, add_paragraph)))
    finally:
        server.terminate()
        server.wait(timeout=20)
        shutil.rmtree(site, ignore_errors=True)


def main():
    lines = [f"### Aperçu en direct : de l'écriture du fichier au texte dans la page (Chromium sans affichage), {EDITS} modifications",
             "| serveur | mesures | p50 (ms) | p95 (ms) | max (ms) |", "|---|---|---|---|---|"]
    driver = browser()
    try:
        cadre_run(driver, lines)
        hugo_run(driver, lines)
    finally:
        driver.quit()
        reference = subprocess.run(["python3", "-c", "import time; t = time.process_time(); sum(range(40_000_000)); print(round(time.process_time() - t, 2))"],
                                   capture_output=True, text=True).stdout.strip()
        lines.append(f"\nréférence de vitesse (python3, sum(range(40 000 000))) : {reference} s")
    print("\n".join(lines))
    print("\nobjectifs : p95 ≤ 100 ms pour un chapitre, ≤ 500 ms pour un fichier de données de tout le guide")


if __name__ == "__main__":
    main()
