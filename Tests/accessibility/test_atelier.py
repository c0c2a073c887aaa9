"""L'atelier (`cadre atelier`, issue 13) in a real headless Chromium, against the real server:
an administrator set up from the command line invites a collectivité, which signs in, fills the
guide's four steps with the Valmont example, sees a rule of the guide appear beside the field it
concerns and go away once fixed, downloads its PDF and ODT, and gets back exactly the Valmont
file as YAML; axe-core on every page at a desktop and a phone width; signing out closes access.

The tests run in order and share one server and one scenario: each one says so when an
earlier one left nothing to work on."""

import re
import time
import urllib.parse

import pytest
import yaml
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

from atelier_fixtures import (FILL_SCRIPT, STEPS, Atelier, cookie_header, differences, field_values, http,
                              main_text, normalised, odt_mimetype, valmont)
from conftest import WIDTHS, axe_script, cadre_binary

NAME = "Ville de Valmont-sur-Loire"
SLUG = "ville-de-valmont-sur-loire"
ADMIN = "admin@atelier.example"
USER = "relations.internationales@valmont.example"
SPARE = "mairie@lauterbach.example"
PASSWORD = "Ziguinchor-1988-Loire"  # ≥ 12 characters
ADMIN_PASSWORD = "Administration-2026!"


@pytest.fixture(scope="module")
def atelier(tmp_path_factory):
    cadre = cadre_binary()
    import subprocess
    probe = subprocess.run([str(cadre), "atelier", "--help"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.fail(f"{cadre} n'a pas la commande `atelier` : recompilez (swift build --product cadre)")
    server = Atelier(cadre, tmp_path_factory.mktemp("atelier-data"))
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def server_alive(request):
    """A test that stopped the server says so, with the server's last words."""
    yield
    if "atelier" in request.fixturenames:
        died = request.getfixturevalue("atelier").died()
        if died:
            pytest.fail(died)


@pytest.fixture(scope="module")
def scenario():
    """What the earlier tests produced: links, pages visited, versions."""
    return {}


def need(scenario, *keys):
    missing = [key for key in keys if key not in scenario]
    if missing:
        pytest.skip("un test précédent du parcours a échoué (" + ", ".join(missing) + " manquant)")


# MARK: Browser helpers

def wait(browser, timeout=15):
    return WebDriverWait(browser, timeout, poll_frequency=0.05)


def loaded(browser):
    wait(browser, 60).until(lambda d: d.execute_script("return document.readyState") == "complete")


def go(browser, url):
    browser.get(url)
    loaded(browser)


def path(browser):
    return urllib.parse.urlparse(browser.current_url).path


def button(browser, text, scope=None):
    found = (scope or browser).find_elements(By.XPATH, f".//button[normalize-space()=\"{text}\"]")
    assert found, f"bouton « {text} » introuvable sur {browser.current_url}"
    return found[0]


def click(browser, element):
    """Scrolls the element to the middle of the window (clear of a sticky bar), then clicks it."""
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def submit(browser, element):
    """Clicks a submit button and waits for the next page."""
    browser.execute_script("window.__pageAvant = true")
    click(browser, element)

    def next_page(driver):
        try:
            return driver.execute_script("return window.__pageAvant === undefined && document.readyState === 'complete'")
        except WebDriverException:  # between two pages
            return False
    wait(browser, 300).until(next_page)


def type_into(browser, name, text):
    field = browser.find_element(By.NAME, name)
    field.clear()
    field.send_keys(text)


def page_text(browser):
    return browser.find_element(By.TAG_NAME, "body").text


def sign_out(browser):
    forms = browser.find_elements(By.CSS_SELECTOR, "form[action='/deconnexion']")
    assert forms, f"pas de formulaire POST /deconnexion dans l'en-tête de {browser.current_url}"
    assert forms[0].find_elements(By.CSS_SELECTOR, "input[type=hidden][name=_csrf]"), "le formulaire de déconnexion n'a pas de _csrf"
    submit(browser, button(browser, "Se déconnecter", forms[0]))


def activate(browser, link, password):
    go(browser, link)
    assert browser.find_elements(By.CSS_SELECTOR, "input[type=hidden][name=_csrf]"), f"pas de _csrf sur {link}"
    type_into(browser, "mot_de_passe", password)
    type_into(browser, "confirmation", password)
    submit(browser, button(browser, "Activer le compte"))


def sign_in(browser, base, email, password):
    browser.delete_all_cookies()
    go(browser, base + "/connexion")
    type_into(browser, "email", email)
    type_into(browser, "mot_de_passe", password)
    submit(browser, button(browser, "Se connecter"))
    assert browser.find_elements(By.CSS_SELECTOR, "form[action='/deconnexion']"), \
        f"connexion de {email} refusée : {page_text(browser)[:400]}"


# MARK: The scenario

def test_administrateur_cree_par_la_commande_invite_une_collectivite(browser, atelier, scenario):
    browser.delete_all_cookies()
    browser.set_window_size(1280, 900)
    link = atelier.admin_link(ADMIN)
    assert link.startswith(atelier.url + "/activer/"), f"lien d'activation inattendu : {link}"
    scenario["pages"] = {"connexion": atelier.url + "/connexion"}
    activate(browser, link, ADMIN_PASSWORD)
    assert path(browser) == "/", f"après activation, attendu / ; obtenu {browser.current_url}"
    assert browser.find_elements(By.CSS_SELECTOR, "form[action='/deconnexion']"), "après activation, l'administrateur n'est pas connecté"
    scenario["pages"]["tableau de bord"] = atelier.url + "/"

    type_into(browser, "nom", NAME)
    type_into(browser, "email", USER)
    submit(browser, button(browser, "Inviter"))
    codes = browser.find_elements(By.CSS_SELECTOR, "code.lien-invitation")
    assert codes, f"pas de <code class=\"lien-invitation\"> après l'invitation : {page_text(browser)[:400]}"
    invitation = codes[0].text.strip()
    assert re.fullmatch(re.escape(atelier.url) + r"/activer/\S+", invitation), f"lien d'invitation inattendu : {invitation}"
    assert browser.find_elements(By.CSS_SELECTOR, f"a[href='/strategies/{SLUG}']"), \
        f"le tableau de bord ne liste pas /strategies/{SLUG}"
    scenario["invitation"] = invitation

    # A second invitation, left unused: its activation page is checked by axe.
    type_into(browser, "nom", "Ville de Lauterbach")
    type_into(browser, "email", SPARE)
    submit(browser, button(browser, "Inviter"))
    spare = browser.find_element(By.CSS_SELECTOR, "code.lien-invitation").text.strip()
    scenario["pages"]["activation"] = spare

    sign_out(browser)
    assert path(browser) in ("/connexion", "/"), f"après déconnexion : {browser.current_url}"
    go(browser, atelier.url + "/")
    assert path(browser) == "/connexion", f"après déconnexion, / mène à {browser.current_url} au lieu de /connexion"


def test_la_collectivite_active_son_compte_et_arrive_sur_sa_strategie(browser, atelier, scenario):
    need(scenario, "invitation")
    browser.delete_all_cookies()
    activate(browser, scenario["invitation"], PASSWORD)
    assert path(browser) == f"/strategies/{SLUG}", \
        f"après activation, la collectivité devrait arriver sur /strategies/{SLUG} ; obtenu {browser.current_url} : {page_text(browser)[:300]}"
    overview = atelier.url + f"/strategies/{SLUG}"
    for step in range(1, 5):
        assert browser.find_elements(By.CSS_SELECTOR, f"a[href='/strategies/{SLUG}/etape/{step}']"), f"pas de lien vers l'étape {step}"
    assert browser.find_elements(By.CSS_SELECTOR, "table.grille"), "pas de grille d'auto-diagnostic (table.grille) sur la vue d'ensemble"
    # A new collectivité starts from the model, its name filled in.
    status, _, body = http(overview + f"/telecharger/{SLUG}.yml", cookie_header(browser))
    assert status == 200, f"export YAML du modèle : HTTP {status}"
    started = yaml.safe_load(body)
    assert started["collectivite"]["nom"] == NAME, f"le modèle n'a pas le nom de la collectivité : {started['collectivite']}"
    # A file just started has errors (no vision, no mission…): the documents wait for them to be fixed.
    status, _, body = http(overview + f"/telecharger/{SLUG}.pdf", cookie_header(browser))
    assert status == 409, f"PDF d'une stratégie qui a des erreurs : HTTP {status} au lieu de 409 ({main_text(body)[:200]})"
    scenario["pages"]["vue d'ensemble"] = overview
    scenario["signed in"] = True


def fill_step(browser, url, data, step, population_as_typed=None):
    """Fills step `step` from `data`, saving with « Enregistrer » (without the script's help)
    until every item of every repeated group is on the page and saved."""
    values, groups = field_values(data, STEPS[step])
    values = normalised(values)
    if population_as_typed and "collectivite.population" in values:
        values["collectivite.population"] = population_as_typed
    go(browser, url)
    missing = None
    for round in range(8):
        result = browser.execute_script(FILL_SCRIPT, values, groups)
        assert "error" not in result, f"étape {step} : {result.get('error')}"
        assert not result["problems"], f"étape {step} : champs impossibles à remplir :\n" + "\n".join(result["problems"])
        submit(browser, button(browser, "Enregistrer"))
        assert path(browser) == urllib.parse.urlparse(url).path, f"étape {step} : après « Enregistrer », page {browser.current_url}"
        assert "Enregistré à" in browser.find_element(By.ID, "etat-enregistrement").text, \
            f"étape {step} : #etat-enregistrement ne dit pas « Enregistré à … » après « Enregistrer »"
        if not result["missing"]:
            return
        if missing is not None and result["missing"] == missing:
            break
        missing = result["missing"]
    pytest.fail(f"étape {step} : ces champs ne sont jamais apparus dans le formulaire :\n" + "\n".join(missing))


def test_les_quatre_etapes_remplies_avec_l_exemple_de_valmont(browser, atelier, scenario):
    need(scenario, "signed in")
    data = valmont()
    base = atelier.url + f"/strategies/{SLUG}/etape/"
    # Step 2 first with the script's « Ajouter » button: every stakeholder's item at once.
    go(browser, base + "2")
    group = browser.find_element(By.ID, "champ-parties_prenantes")
    add = group.find_elements(By.CSS_SELECTOR, "button.ajouter")
    assert add, "le groupe des parties prenantes n'a pas de bouton « Ajouter » (button.ajouter) avec JavaScript"
    while len(group.find_elements(By.CSS_SELECTOR, "fieldset.element")) < len(data["parties_prenantes"]):
        before = len(group.find_elements(By.CSS_SELECTOR, "fieldset.element"))
        click(browser, add[0])
        assert len(group.find_elements(By.CSS_SELECTOR, "fieldset.element")) == before + 1, "« Ajouter » n'ajoute pas d'élément"
    last = len(data["parties_prenantes"]) - 1
    assert browser.find_elements(By.ID, f"champ-parties_prenantes-{last}-nom"), \
        f"après « Ajouter », pas de champ champ-parties_prenantes-{last}-nom"
    values, groups = field_values(data, STEPS[2])
    result = browser.execute_script(FILL_SCRIPT, normalised(values), groups)
    assert not result["missing"], "champs absents après « Ajouter » :\n" + "\n".join(result["missing"])
    submit(browser, button(browser, "Enregistrer"))

    for step in (1, 2, 3, 4):
        # The population typed as a French reader writes it.
        fill_step(browser, base + str(step), data, step, population_as_typed="45 387")
        scenario["pages"][f"étape {step}"] = base + str(step)
    status, _, body = http(atelier.url + f"/strategies/{SLUG}/telecharger/{SLUG}.yml", cookie_header(browser))
    assert status == 200, f"export YAML : HTTP {status}"
    scenario["filled"] = True


def rules_block(browser, index):
    return browser.find_element(By.ID, f"champ-objectifs_specifiques-{index}-regles")


def finding(browser, index, rule="objectif-date"):
    return rules_block(browser, index).find_elements(By.CSS_SELECTOR, f"p.regle[data-regle='{rule}']")


def test_une_regle_du_guide_apparait_a_cote_du_champ_puis_disparait(browser, atelier, scenario):
    need(scenario, "filled")
    go(browser, scenario["pages"]["étape 3"])
    deadline = browser.find_element(By.ID, "champ-objectifs_specifiques-1-echeance")
    assert deadline.get_attribute("value") == "2032-06", f"échéance de OS2 : {deadline.get_attribute('value')!r}"
    assert not finding(browser, 1), "objectif-date affiché alors que l'échéance est renseignée"
    block = rules_block(browser, 1)
    assert block.get_attribute("aria-live") == "polite", "le bloc des règles n'a pas aria-live=\"polite\""

    # Cleared by the keyboard: the autosave brings the rule beside this objective.
    deadline.send_keys(Keys.END)
    for _ in range(len("2032-06")):
        deadline.send_keys(Keys.BACKSPACE)
    try:
        wait(browser, 10).until(lambda d: finding(d, 1))
    except TimeoutException:
        pytest.fail("échéance de OS2 effacée : la règle objectif-date n'est pas apparue dans #champ-objectifs_specifiques-1-regles "
                    f"(10 s) ; état : {browser.find_element(By.ID, 'etat-enregistrement').text!r}")
    shown = finding(browser, 1)[0]
    assert "avertissement" in shown.get_attribute("class").split(), f"objectif-date devrait être un avertissement : {shown.get_attribute('class')}"
    assert not finding(browser, 0), "objectif-date affiché aussi à côté de OS1, dont l'échéance est renseignée"
    status = browser.find_element(By.ID, "etat-enregistrement").text
    assert re.search(r"Enregistré à \d\d:\d\d:\d\d", status), f"#etat-enregistrement après l'enregistrement automatique : {status!r}"

    # Saved, not only shown: a fresh page says the same.
    go(browser, scenario["pages"]["étape 3"])
    assert finding(browser, 1), "après rechargement, objectif-date a disparu : l'échéance effacée n'a pas été enregistrée"
    assert browser.find_element(By.ID, "champ-objectifs_specifiques-1-echeance").get_attribute("value") == ""

    # Typed back: the rule goes away.
    browser.find_element(By.ID, "champ-objectifs_specifiques-1-echeance").send_keys("2032-06")
    try:
        wait(browser, 10).until(lambda d: not finding(d, 1))
    except TimeoutException:
        pytest.fail("échéance retapée : objectif-date est resté affiché (10 s)")
    # The autosave that removed it has stored the value: a fresh page has it.
    time.sleep(0.3)
    go(browser, scenario["pages"]["étape 3"])
    assert browser.find_element(By.ID, "champ-objectifs_specifiques-1-echeance").get_attribute("value") == "2032-06", \
        "l'échéance retapée n'a pas été enregistrée"
    assert not finding(browser, 1)

    # Without the script's help: « Enregistrer » posts, the page comes back with the rule.
    set_value = "document.getElementById(arguments[0]).value = arguments[1]"
    browser.execute_script(set_value, "champ-objectifs_specifiques-0-echeance", "")
    submit(browser, button(browser, "Enregistrer"))
    assert finding(browser, 0), "après « Enregistrer » sans échéance pour OS1, objectif-date n'est pas dans #champ-objectifs_specifiques-0-regles"
    browser.execute_script(set_value, "champ-objectifs_specifiques-0-echeance", "2030-12")
    submit(browser, button(browser, "Enregistrer"))
    assert not finding(browser, 0), "échéance de OS1 remise et enregistrée : objectif-date est resté"
    scenario["rule checked"] = True


def test_telechargement_du_pdf_et_de_l_odt(browser, atelier, scenario):
    need(scenario, "filled")
    go(browser, scenario["pages"]["vue d'ensemble"])
    cookie = cookie_header(browser)
    base = atelier.url + f"/strategies/{SLUG}/telecharger/"
    for name in (f"{SLUG}.pdf", f"{SLUG}.odt", f"{SLUG}.docx", f"{SLUG}-deliberation.odt", f"{SLUG}-deliberation.docx", f"{SLUG}.yml"):
        assert browser.find_elements(By.CSS_SELECTOR, f"a[href='/strategies/{SLUG}/telecharger/{name}']"), \
            f"la vue d'ensemble n'a pas de lien de téléchargement vers {name}"
    status, headers, pdf = http(base + f"{SLUG}.pdf", cookie)
    assert status == 200, f"PDF : HTTP {status} : {main_text(pdf)}"
    assert pdf.startswith(b"%PDF-"), f"le PDF ne commence pas par %PDF- : {pdf[:40]!r}"
    status, headers, odt = http(base + f"{SLUG}.odt", cookie)
    assert status == 200, f"ODT : HTTP {status} : {main_text(odt)}"
    mimetype, first = odt_mimetype(odt)
    assert mimetype == "application/vnd.oasis.opendocument.text", f"l'ODT n'est pas un document OpenDocument texte (mimetype {mimetype!r})"
    assert first == "mimetype", f"l'entrée mimetype de l'ODT n'est pas la première du zip ({first})"
    # Someone else's session gets nothing.
    status, _, _ = http(base + f"{SLUG}.pdf", "")
    assert status in (303, 302, 401, 403, 404), f"PDF sans session : HTTP {status}"


def test_l_export_yaml_redonne_le_fichier_de_valmont(browser, atelier, scenario):
    need(scenario, "filled")
    status, _, body = http(atelier.url + f"/strategies/{SLUG}/telecharger/{SLUG}.yml", cookie_header(browser))
    assert status == 200, f"export YAML : HTTP {status}"
    exported = normalised(yaml.safe_load(body.decode("utf-8")))
    expected = normalised(valmont())
    # A stakeholder's powers are boxes to tick: the form gives them in the list's order
    # (utilitaire, normatif, mobilisateur, coercitif), whatever the order in the file.
    for data in (exported, expected):
        for stakeholder in data.get("parties_prenantes") or []:
            if isinstance(stakeholder.get("pouvoirs"), list):
                stakeholder["pouvoirs"] = sorted(stakeholder["pouvoirs"])
    found = differences(expected, exported)
    assert not found, "le YAML exporté diffère de Content/collectivites/valmont.yml :\n" + "\n".join(found[:40])


def test_versions_et_import(browser, atelier, scenario):
    need(scenario, "filled")
    versions = atelier.url + f"/strategies/{SLUG}/versions"
    go(browser, versions)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "a[href]")
             if re.search(rf"/strategies/{SLUG}/versions/\d+$", a.get_attribute("href") or "")]
    assert len(links) >= 2, f"l'historique devrait lister plusieurs versions : {len(links)}"
    scenario["pages"]["versions"] = versions
    scenario["pages"]["différence d'une version"] = links[0]
    scenario["pages"]["import"] = atelier.url + f"/strategies/{SLUG}/importer"
    scenario["pages"]["aperçu"] = atelier.url + f"/strategies/{SLUG}/apercu/"
    go(browser, scenario["pages"]["import"])
    assert browser.find_elements(By.CSS_SELECTOR, "textarea[name=texte]"), "la page d'import n'a pas de textarea name=texte"
    go(browser, scenario["pages"]["aperçu"])
    assert NAME in page_text(browser), "l'aperçu ne montre pas le nom de la collectivité"


# MARK: axe-core and the phone width

def open_url(browser, url, width):
    browser.set_window_size(width, 900)
    go(browser, url)
    actual = browser.execute_script("return window.innerWidth")
    if actual != width:
        browser.set_window_size(width + (width - actual), 900)
        go(browser, url)


def axe_serious(browser, script):
    browser.execute_script(script)
    return browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']})"
        ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])))"
        ".catch(e => done([['axe-error', 'critical', 0, String(e)]]));")


@pytest.mark.parametrize("width", WIDTHS)
def test_axe_et_largeur_de_telephone_sur_chaque_page(browser, atelier, scenario, width):
    need(scenario, "pages", "filled")
    pages = scenario["pages"]
    script = axe_script()
    found, overflow, checked = [], [], []

    def check(name, url):
        open_url(browser, url, width)
        checked.append(name)
        if path(browser) == "/connexion" and name != "connexion":
            found.append(f"{name} : renvoyé vers /connexion (session perdue)")
            return
        for rule, impact, nodes, target in axe_serious(browser, script):
            found.append(f"{name} ({url}) : {rule} [{impact}] ({nodes} nœuds, p. ex. {target})")
        if width < 600:
            scroll, inner = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
            if scroll > inner:
                widest = browser.execute_script(
                    "let w = null; document.querySelectorAll('body *').forEach(e => { const r = e.getBoundingClientRect();"
                    " if (r.right > window.innerWidth + 1 && (!w || r.right > w[1])) w = [e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
                    " + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : ''), r.right]; }); return w;")
                overflow.append(f"{name} : largeur {scroll} px > {inner} px (p. ex. {widest})")

    browser.delete_all_cookies()
    for name in ("connexion", "activation"):
        if name in pages:
            check(name, pages[name])
    sign_in(browser, atelier.url, ADMIN, ADMIN_PASSWORD)
    check("tableau de bord", pages["tableau de bord"])
    sign_in(browser, atelier.url, USER, PASSWORD)
    for name, url in pages.items():
        if name not in ("connexion", "activation", "tableau de bord"):
            check(name, url)
    browser.set_window_size(1280, 900)
    expected = {"connexion", "activation", "tableau de bord", "vue d'ensemble", "étape 1", "étape 2", "étape 3", "étape 4",
                "versions", "différence d'une version", "import", "aperçu"}
    assert expected <= set(checked), "pages non vérifiées : " + ", ".join(sorted(expected - set(checked)))
    message = []
    if found:
        message.append("violations axe (impact serious ou critical) :\n" + "\n".join(found))
    if overflow:
        message.append(f"défilement horizontal à {width} px :\n" + "\n".join(overflow))
    assert not message, "\n".join(message)


# MARK: Rights, over HTTP

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


def http_sign_in(atelier, email, password, headers=None):
    """Signs in without a browser; returns (session cookie header, its Set-Cookie line)."""
    status, answer, body = http(atelier.url + "/connexion", headers=headers)
    cookie = "; ".join(c.split(";")[0] for c in answer.get_all("Set-Cookie") or [])
    token = re.search(rb'name="_csrf" value="([^"]+)"', body).group(1).decode()
    form = urllib.parse.urlencode({"_csrf": token, "email": email, "mot_de_passe": password}).encode()
    status, answer, body = http(atelier.url + "/connexion", cookie, data=form, headers={**FORM, **(headers or {})})
    assert status in (302, 303), f"connexion HTTP de {email} : {status}"
    session = [c for c in answer.get_all("Set-Cookie") or [] if c.startswith("cadre_atelier=")]
    assert session, f"pas de cookie cadre_atelier après la connexion de {email}"
    return session[0].split(";")[0], session[0]


def version_ids(page):
    return [int(n) for n in re.findall(rb"/versions/(\d+)\"", page)]


def test_une_collectivite_n_ouvre_que_sa_propre_strategie(atelier, scenario):
    need(scenario, "filled")
    other = "ville-de-lauterbach"
    admin, _ = http_sign_in(atelier, ADMIN, ADMIN_PASSWORD)
    status, _, page = http(atelier.url + f"/strategies/{other}/versions", admin)
    assert status == 200, f"l'administrateur ne voit pas les versions de {other} : HTTP {status}"
    foreign = version_ids(page)
    assert foreign, f"aucune version de {other}"
    user, _ = http_sign_in(atelier, USER, PASSWORD)
    refused = []
    for address in (f"/strategies/{other}", f"/strategies/{other}/etape/1", f"/strategies/{other}/versions",
                    f"/strategies/{other}/versions/{foreign[0]}", f"/strategies/{other}/telecharger/{other}.yml",
                    f"/strategies/{other}/telecharger/{other}.pdf", f"/strategies/{other}/apercu/",
                    # id tampering: another collectivité's version under one's own address
                    f"/strategies/{SLUG}/versions/{foreign[0]}"):
        status, _, body = http(atelier.url + address, user)
        if status not in (403, 404):
            refused.append(f"GET {address} : HTTP {status}")
        elif b"Lauterbach" in body and address.startswith(f"/strategies/{SLUG}"):
            refused.append(f"GET {address} : la page montre les données de Lauterbach")
    token = re.search(rb'name="_csrf" value="([^"]+)"', http(atelier.url + f"/strategies/{SLUG}", user)[2]).group(1).decode()
    for address, form in ((f"/strategies/{other}/etape/3", {"_csrf": token, "vision": "piratée"}),
                          (f"/strategies/{SLUG}/versions/{foreign[0]}/restaurer", {"_csrf": token}),
                          (f"/strategies/{other}/importer", {"_csrf": token, "texte": "collectivite: {nom: piratée}"})):
        status, _, _ = http(atelier.url + address, user, data=urllib.parse.urlencode(form).encode(), headers=FORM)
        if status not in (403, 404):
            refused.append(f"POST {address} : HTTP {status}")
    status, _, exported = http(atelier.url + f"/strategies/{other}/telecharger/{other}.yml", admin)
    assert b"pir" not in exported, "la stratégie de Lauterbach a été modifiée par Valmont"
    assert not refused, "accès à la stratégie d'une autre collectivité :\n" + "\n".join(refused)


def test_aucun_formulaire_sans_jeton_csrf(atelier, scenario):
    need(scenario, "filled")
    user, _ = http_sign_in(atelier, USER, PASSWORD)
    yml = atelier.url + f"/strategies/{SLUG}/telecharger/{SLUG}.yml"
    before = http(yml, user)[2]
    accepted = []
    for token in (None, "", "jeton-invente"):
        for address, form in ((f"/strategies/{SLUG}/etape/3", {"vision": "sans jeton"}),
                              (f"/strategies/{SLUG}/importer", {"texte": "collectivite: {nom: sans jeton}"}),
                              ("/deconnexion", {})):
            if token is not None:
                form = {**form, "_csrf": token}
            for headers in (FORM, {**FORM, "X-Requested-With": "fetch"}):
                status, _, _ = http(atelier.url + address, user, data=urllib.parse.urlencode(form).encode(), headers=headers)
                if status != 403:
                    accepted.append(f"POST {address} (_csrf {token!r}, {headers.get('X-Requested-With', 'formulaire')}) : HTTP {status} au lieu de 403")
    assert http(yml, user)[2] == before, "un envoi sans jeton CSRF valable a modifié la stratégie"
    assert http(atelier.url + f"/strategies/{SLUG}", user)[0] == 200, "un envoi sans jeton a fermé la session"
    assert not accepted, "\n".join(accepted)
    # The same post with the session's token is accepted: the refusals above were the token's.
    token = re.search(rb'name="_csrf" value="([^"]+)"', http(atelier.url + f"/strategies/{SLUG}", user)[2]).group(1).decode()
    status, answer, _ = http(atelier.url + "/deconnexion", user, data=urllib.parse.urlencode({"_csrf": token}).encode(), headers=FORM)
    assert status in (302, 303), f"POST /deconnexion avec le bon jeton : HTTP {status}"
    status, answer, _ = http(atelier.url + f"/strategies/{SLUG}", user)
    assert status in (302, 303) and answer["Location"].endswith("/connexion"), \
        f"après POST /deconnexion, l'ancienne session ouvre encore la stratégie (HTTP {status})"


def test_cookie_de_session_httponly_samesite_et_secure_derriere_https(atelier, scenario):
    need(scenario, "signed in")
    _, plain = http_sign_in(atelier, USER, PASSWORD)
    attributes = [a.strip().lower() for a in plain.split(";")]
    assert "httponly" in attributes, f"cookie de session sans HttpOnly : {plain}"
    assert any(a.startswith("samesite=") for a in attributes), f"cookie de session sans SameSite : {plain}"
    _, proxied = http_sign_in(atelier, USER, PASSWORD, headers={"X-Forwarded-Proto": "https"})
    assert "secure" in [a.strip().lower() for a in proxied.split(";")], f"derrière HTTPS, cookie sans Secure : {proxied}"


# MARK: Signing out, and the log-in's limit

def test_apres_deconnexion_la_strategie_renvoie_a_la_connexion(browser, atelier, scenario):
    need(scenario, "signed in")
    browser.delete_all_cookies()
    sign_in(browser, atelier.url, USER, PASSWORD)
    go(browser, atelier.url + f"/strategies/{SLUG}")
    sign_out(browser)
    go(browser, atelier.url + f"/strategies/{SLUG}")
    assert path(browser) == "/connexion", f"après déconnexion, /strategies/{SLUG} mène à {browser.current_url}"
    go(browser, atelier.url + f"/strategies/{SLUG}/etape/3")
    assert path(browser) == "/connexion", f"après déconnexion, l'étape 3 mène à {browser.current_url}"


def test_sixieme_echec_de_connexion_refuse_par_429(atelier):
    """Over HTTP, from another (forwarded) address so that loopback is not locked out."""
    email = "inconnu@exemple.example"
    statuses = []
    for attempt in range(6):
        status, headers, body = http(atelier.url + "/connexion")
        cookie = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie") or [])
        token = re.search(rb'name="_csrf" value="([^"]+)"', body)
        assert token, "pas de _csrf sur /connexion"
        form = urllib.parse.urlencode({"_csrf": token.group(1).decode(), "email": email, "mot_de_passe": f"mauvais-mot-{attempt}"}).encode()
        status, _, _ = http(atelier.url + "/connexion", cookie, data=form,
                            headers={"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": "203.0.113.7"})
        statuses.append(status)
    assert all(s not in (200, 302, 303, 429) for s in statuses[:5]), f"cinq premiers échecs : {statuses[:5]}"
    assert statuses[5] == 429, f"6e échec en 15 min pour la même adresse : HTTP {statuses[5]} au lieu de 429 ({statuses})"
