/// `LISEZMOI.txt`: the package explained to the layout provider, in French.
enum ExportReadme {
    static func text(_ manifest: ExportManifest) -> String {
        func mm(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value).replacingOccurrences(of: ".", with: ",") }
        var text = """
        Paquet de maquette — \(manifest.titre)
        \(String(repeating: "=", count: 21 + manifest.titre.count))

        Produit par cadre (commande « cadre export \(manifest.publication) ») à partir des textes et des
        données de la publication. Les mêmes sources donnent les mêmes fichiers, octet pour octet.

        Contenu
        -------

        \(manifest.idml)
            Document InDesign (IDML) qui assemble tout : pages \(mm(manifest.page.largeurMm)) × \(mm(manifest.page.hauteurMm)) mm
            (gabarit « A-Maquette »), marges de l'impression (haut \(mm(manifest.page.margesMm["haut"] ?? 0)), bas \(mm(manifest.page.margesMm["bas"] ?? 0)),
            intérieur \(mm(manifest.page.margesMm["interieur"] ?? 0)), extérieur \(mm(manifest.page.margesMm["exterieur"] ?? 0)) mm), fond perdu \(mm(manifest.page.fondPerduMm)) mm,
            \(manifest.pagination.pages) pages comme l'épreuve. Chaque chapitre est une histoire dans des blocs de
            texte chaînés, placés sur les pages où l'épreuve le met ; les schémas sont ancrés
            dans le texte (PDF du dossier figures/).
        \(manifest.epreuve)
            L'épreuve : le PDF d'impression produit par cadre, la référence de la mise en page.
        textes/*.icml
            Un texte InCopy (ICML) par chapitre, à placer dans InDesign par Fichier › Importer
            (Place). Styles de paragraphe, de caractère, de tableau et de cellule déjà appliqués ;
            tableaux en vrais tableaux ; notes de bas de page en vraies notes ; chaque renvoi
            en texte, suivi du numéro de la section visée (style renvoi-numero : l'épreuve
            donne la page à cet endroit).
        figures/<id>.svg, figures/<id>.pdf
            Chaque schéma, en vectoriel, nommé d'après l'identifiant de sa figure.
        manifest.json
            La liste de tout ce qui précède (chapitres, histoires, figures, styles, polices,
            couleurs, budget de pages), pour les outils.

        Quand le texte change
        ---------------------

        Les textes viennent des fichiers Markdown de la publication : ne les corrigez pas dans
        InDesign. Après une correction, cadre refait le paquet ; mettez à jour le texte du
        chapitre concerné en important de nouveau son fichier textes/<chapitre>.icml (ou en
        mettant à jour le lien dans le panneau Liens s'il a été placé lié). Les styles gardent
        leur nom : une retouche faite sur un style dans InDesign s'applique au nouveau texte.

        Chapitres
        ---------


        """
        for chapter in manifest.chapitres {
            let number = chapter.numero.map { "\($0). " } ?? ""
            text += "  \(chapter.icml)  \(number)\(chapter.titre) (page \(chapter.pageDebut)\(chapter.pages.map { $0 > 1 ? ", \($0) pages" : "" } ?? ""))\n"
        }
        if !manifest.figures.isEmpty {
            text += "\nFigures\n-------\n\n"
            for figure in manifest.figures { text += "  figures/\(figure.id).svg|pdf  \(figure.titre)\n" }
        }
        text += "\nStyles\n------\n\nNommés comme les éléments et classes de la feuille d'impression de la publication\n(Templates/assets/*.css) qui mettent en forme le même texte.\n\nParagraphe :\n"
        for style in manifest.styles.paragraphe {
            text += "  \(style.nom) — \(style.role) ; \(style.police ?? "") \(style.style ?? "") \(mm(style.corps ?? 0)) pt\n"
        }
        text += "\nCaractère :\n"
        for style in manifest.styles.caractere { text += "  \(style.nom) — \(style.role)\n" }
        text += "\nTableau : \(manifest.styles.tableau.map(\.nom).joined(separator: ", ")). Cellules :\n"
        for style in manifest.styles.cellule { text += "  \(style.nom) — \(style.role)\n" }
        text += "\nPolices (paquets Debian fonts-lato, fonts-sil-charis, fonts-dejavu-core ; noms tels que fontconfig les donne) :\n"
        for font in manifest.polices { text += "  \(font.famille) : \(font.styles.joined(separator: ", "))\n" }
        text += "\nCouleurs de la charte (nuancier CMJN du document : les valeurs de l'épreuve PDF/X-4, profil FOGRA39, couleurs de texte sur le seul noir) :\n"
        for colour in manifest.couleurs {
            text += "  \(colour.nom) : \(colour.rvb), C \(colour.cmjn[0]) M \(colour.cmjn[1]) J \(colour.cmjn[2]) N \(colour.cmjn[3])\n"
        }
        if let exact = manifest.pagination.pagesExactes {
            text += "\nBudget : \(exact) pages exactement (l'épreuve en a \(manifest.pagination.pages)).\n"
        } else if let budget = manifest.pagination.budgetPages {
            text += "\nBudget : \(budget) pages au plus (l'épreuve en a \(manifest.pagination.pages)).\n"
        }
        return text
    }
}
