/// The atelier's pages: French, one layout, everything typed by a user escaped where it lands.
struct Page {
    var title: String
    /// The page's main content, already HTML.
    var body: String
    /// The signed-in account's email and CSRF token: the header then offers « Se déconnecter ».
    var signedIn: (email: String, csrf: String)?
    /// Where the user is, for the breadcrumb: (label, address), the last one the page itself.
    var trail: [(String, String)] = []
    var status = 200

    var html: String {
        var header = "<header class=\"bandeau\"><p class=\"marque\"><a href=\"/\">L'atelier <span>stratégie d'action internationale</span></a></p>"
        if let signedIn {
            header += "<form method=\"post\" action=\"/deconnexion\" class=\"deconnexion\"><p>\(escape(signedIn.email))</p>\(Page.csrfField(signedIn.csrf))<button type=\"submit\">Se déconnecter</button></form>"
        }
        header += "</header>"
        var crumbs = ""
        if trail.count > 1 {
            crumbs = "<nav aria-label=\"Fil d'Ariane\" class=\"ariane\"><ol>" + trail.enumerated().map { index, link in
                index == trail.count - 1 ? "<li aria-current=\"page\">\(escape(link.0))</li>" : "<li><a href=\"\(escape(link.1))\">\(escape(link.0))</a></li>"
            }.joined() + "</ol></nav>"
        }
        return """
        <!DOCTYPE html>
        <html lang="fr">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) — L'atelier</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/_atelier/atelier.css">
        <script src="/_atelier/atelier.js" defer></script>
        </head>
        <body>
        <a class="evitement" href="#contenu">Aller au contenu</a>
        \(header)
        \(crumbs)
        <main id="contenu" tabindex="-1">
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func csrfField(_ token: String) -> String {
        "<input type=\"hidden\" name=\"_csrf\" value=\"\(escape(token))\">"
    }
}

/// `text` escaped for HTML text and double-quoted attribute values (the atelier writes no other).
func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
    }
    return out
}
