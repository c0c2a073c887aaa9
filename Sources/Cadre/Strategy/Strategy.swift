/// A collectivité's international-action strategy, as written in its data file
/// (`Content/collectivites/<slug>.yml`). Field names follow the guide's vocabulary; the
/// README has a field-by-field reference and `cadre new collectivite` writes a commented model.
struct Strategy: Decodable, Sendable {
    var collectivite: Identity
    var mandature: Mandate
    /// Date of the délibération adopting the strategy (planned or passed).
    var deliberation: CalendarDate?
    var portage: Sponsorship
    var diagnostic: SWOT
    var partiesPrenantes: [Located<Stakeholder>]
    var valeurs: [String]?
    var vision: String
    var mission: String
    var objectifGeneral: String
    /// The general objective's row of the logical framework: its indicators, sources and assumptions.
    var mesureObjectifGeneral: GeneralObjectiveMeasure?
    var objectifsSpecifiques: [Located<Objective>]
    var prioritesGeographiques: [Located<GeographicPriority>]
    var prioritesThematiques: [String]?
    var resultats: [Located<ExpectedResult>]
    var indicateurs: [Located<Indicator>]
    var financement: [Located<Funding>]
    var reseaux: [String]?
    var communication: [String]?
    var evaluations: Evaluations?
    /// Who steers the strategy and how it reports to the assembly.
    var gouvernance: Governance?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case collectivite, mandature, deliberation, portage, diagnostic
        case partiesPrenantes = "parties_prenantes"
        case valeurs, vision, mission
        case objectifGeneral = "objectif_general"
        case mesureObjectifGeneral = "mesure_objectif_general"
        case objectifsSpecifiques = "objectifs_specifiques"
        case prioritesGeographiques = "priorites_geographiques"
        case prioritesThematiques = "priorites_thematiques"
        case resultats, indicateurs, financement, reseaux, communication, evaluations, gouvernance
    }
}

struct Identity: Decodable, Sendable {
    var nom: String
    var type: CollectiviteType
    var population: Int

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case nom, type, population

        var bounds: ValueBounds? { self == .population ? ValueBounds(range: 0...100_000_000, unit: "habitants") : nil }
    }
}

/// The types of collectivité, as a délibération names them.
enum CollectiviteType: String, Decodable, CaseIterable, Sendable {
    case commune
    case communauteDeCommunes = "communaute_de_communes"
    case communauteDAgglomeration = "communaute_d_agglomeration"
    case communauteUrbaine = "communaute_urbaine"
    case metropole
    case departement
    case region
    case collectiviteOutreMer = "collectivite_outre_mer"

    /// The family the guide's advice and the funding rules distinguish.
    var family: CollectiviteFamily {
        switch self {
        case .commune: .commune
        case .communauteDeCommunes, .communauteDAgglomeration, .communauteUrbaine, .metropole: .intercommunalite
        case .departement: .departement
        case .region, .collectiviteOutreMer: .region
        }
    }

    var label: String {
        switch self {
        case .commune: "Commune"
        case .communauteDeCommunes: "Communauté de communes"
        case .communauteDAgglomeration: "Communauté d'agglomération"
        case .communauteUrbaine: "Communauté urbaine"
        case .metropole: "Métropole"
        case .departement: "Département"
        case .region: "Région"
        case .collectiviteOutreMer: "Collectivité d'outre-mer"
        }
    }
}

/// The term of office the strategy covers: years of the start and of the end.
struct Mandate: Decodable, Sendable {
    var debut: Int
    var fin: Int

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case debut, fin

        var bounds: ValueBounds? { .year }
    }
}

/// Who carries the strategy, and where the service sits.
struct Sponsorship: Decodable, Sendable {
    /// The élu in charge, with the delegation.
    var elu: String
    var service: String
    /// An `id` of `Content/data/rattachements.yml` (`modeles`): dgs, direction_fonctionnelle…
    var rattachement: Located<String>
    /// Staff in full-time equivalents.
    var etp: Double
    var modeProjet: Bool
    /// Referents named in other services.
    var referents: [String]?
    /// What one full-time equivalent costs a year, in euros (salary and charges).
    var coutAnnuelEtp: Int?

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case elu, service, rattachement, etp
        case modeProjet = "mode_projet"
        case referents
        case coutAnnuelEtp = "cout_annuel_etp"

        var bounds: ValueBounds? {
            switch self {
            case .etp: ValueBounds(range: 0...100_000, unit: "équivalents temps plein")
            case .coutAnnuelEtp: .euros
            default: nil
            }
        }
    }
}

/// The AFOM (SWOT) diagnostic: atouts (forces), faiblesses, opportunités, menaces.
struct SWOT: Decodable, Sendable {
    var forces: [String] = []
    var faiblesses: [String] = []
    var opportunites: [String] = []
    var menaces: [String] = []

    enum CodingKeys: String, CodingKey, CaseIterable { case forces, faiblesses, opportunites, menaces }

    /// A quadrant may be absent or empty: the rule `afom-complet` says so, not a decoding error.
    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        forces = try container.decodeIfPresent([String].self, forKey: .forces) ?? []
        faiblesses = try container.decodeIfPresent([String].self, forKey: .faiblesses) ?? []
        opportunites = try container.decodeIfPresent([String].self, forKey: .opportunites) ?? []
        menaces = try container.decodeIfPresent([String].self, forKey: .menaces) ?? []
    }
}

/// A stakeholder, with the guide's prioritisation criteria.
struct Stakeholder: Decodable, Sendable {
    var nom: String
    var categorie: String
    /// The kinds of power it holds (`criteres_parties_prenantes.yml`, `pouvoirs`).
    var pouvoirs: [PowerKind]
    /// How much it weighs, from 1 (little) to 5 (decisive): the matrix's vertical axis.
    var pouvoir: Int
    /// From 1 to 5.
    var legitimite: Int
    /// From 1 to 5: the matrix's horizontal axis.
    var interet: Int
    /// An `id` of `niveaux_engagement`: informer, consulter…
    var engagement: Located<String>
}

enum PowerKind: String, Decodable, CaseIterable, Sendable {
    case utilitaire, normatif, mobilisateur, coercitif
}

/// The general objective's row of the logical framework (all optional: the rule
/// `objectif-general-mesure` says what is missing).
struct GeneralObjectiveMeasure: Decodable, Sendable {
    /// Ids of `indicateurs`.
    var indicateurs: [Located<String>]?
    var sourcesVerification: [String]?
    var hypotheses: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case indicateurs
        case sourcesVerification = "sources_verification"
        case hypotheses
    }
}

/// How the strategy is steered: the comité de pilotage and the reports to the assembly.
struct Governance: Decodable, Sendable {
    /// Who chairs the comité de pilotage.
    var presidence: String?
    /// Its members (élus, services, partners).
    var comitePilotage: [String]?
    /// How often it meets, in words (« deux fois par an »).
    var reunions: String?
    /// Who reports to whom, and when (« un bilan annuel présenté au conseil municipal »).
    var compteRendu: [String]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case presidence
        case comitePilotage = "comite_pilotage"
        case reunions
        case compteRendu = "compte_rendu"
    }
}

/// A specific objective: SMART when it has indicators and a deadline.
struct Objective: Decodable, Sendable {
    var id: String
    var intitule: String
    /// Ids of `indicateurs`.
    var indicateurs: [Located<String>]?
    var echeance: CalendarDate?
}

struct GeographicPriority: Decodable, Sendable {
    var pays: String
    var collectivitePartenaire: String?
    var motif: PriorityReason
    var precision: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case pays
        case collectivitePartenaire = "collectivite_partenaire"
        case motif, precision
    }
}

/// Why a country is a priority, in the guide's words.
enum PriorityReason: String, Decodable, CaseIterable, Sendable {
    case histoire, diaspora
    case projetsExistants = "projets_existants"
    case economie, autre

    var label: String {
        switch self {
        case .histoire: "Histoire commune"
        case .diaspora: "Diaspora"
        case .projetsExistants: "Projets existants"
        case .economie: "Intérêt économique"
        case .autre: "Autre motif"
        }
    }
}

/// An expected result of the logical framework, under one specific objective.
struct ExpectedResult: Decodable, Sendable {
    var id: String
    /// Id of the specific objective it serves.
    var objectif: Located<String>
    var intitule: String
    var indicateurs: [Located<String>]?
    var sourcesVerification: [String]?
    var hypotheses: [String]?
    var activites: [Located<Activity>]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, objectif, intitule, indicateurs
        case sourcesVerification = "sources_verification"
        case hypotheses, activites
    }
}

struct Activity: Decodable, Sendable {
    var intitule: String
    var moyens: String?
    /// Cost in euros.
    var cout: Int?
    var responsable: String?
    var debut: CalendarDate?
    var fin: CalendarDate?

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case intitule, moyens, cout, responsable, debut, fin

        var bounds: ValueBounds? { self == .cout ? .euros : nil }
    }
}

/// An indicator, with the columns of the guide's grid.
struct Indicator: Decodable, Sendable {
    var id: String
    var intitule: String
    var unite: String?
    var valeurReference: String?
    var valeurCible: String?
    var dateCible: CalendarDate?
    var periodicite: String?
    var sources: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case id, intitule, unite
        case valeurReference = "valeur_reference"
        case valeurCible = "valeur_cible"
        case dateCible = "date_cible"
        case periodicite, sources
    }
}

/// A line of the funding plan.
struct Funding: Decodable, Sendable {
    var source: FundingSource
    var intitule: String
    /// Amount in euros over the whole duration.
    var montant: Int
    /// Share paid by the collectivités, in percent (FICOL: at least 30).
    var partCollectivite: Double?
    var dureeAns: Double?
    /// For the 1 % schemes: an `id` of `dispositif_1_pourcent` (eau_assainissement, energie, dechets, transports).
    var domaine: Located<String>?
    /// For an EU programme: its name.
    var programme: String?
    /// Where the amount is written: rules about the amount point there, not at the line's start.
    var montantLocation: SourceLocation?

    enum CodingKeys: String, BoundedCodingKey, CaseIterable {
        case source, intitule, montant
        case partCollectivite = "part_collectivite"
        case dureeAns = "duree_ans"
        case domaine, programme

        var bounds: ValueBounds? {
            switch self {
            case .montant: .euros
            case .partCollectivite: .percent
            case .dureeAns: ValueBounds(range: 0...100, unit: "années")
            default: nil
            }
        }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        source = try container.decode(FundingSource.self, forKey: .source)
        intitule = try container.decode(String.self, forKey: .intitule)
        montant = try container.decode(Int.self, forKey: .montant)
        partCollectivite = try container.decodeIfPresent(Double.self, forKey: .partCollectivite)
        dureeAns = try container.decodeIfPresent(Double.self, forKey: .dureeAns)
        domaine = try container.decodeIfPresent(Located<String>.self, forKey: .domaine)
        programme = try container.decodeIfPresent(String.self, forKey: .programme)
        if container.contains(.montant), let written = try? container.superDecoder(forKey: .montant) as? NodeDecoder {
            montantLocation = written.state.source.location(written.node.mark)
        }
    }
}

enum FundingSource: String, Decodable, CaseIterable, Sendable {
    case fondsPropres = "fonds_propres"
    case programmeUE = "programme_ue"
    case dispositif1Pourcent = "dispositif_1_pourcent"
    case appelDAECT = "appel_daect"
    case ficol
    case autre

    var label: String {
        switch self {
        case .fondsPropres: "Fonds propres"
        case .programmeUE: "Programme de l'Union européenne"
        case .dispositif1Pourcent: "Dispositif 1 %"
        case .appelDAECT: "Appel à projets DAECT"
        case .ficol: "FICOL (AFD)"
        case .autre: "Autres financements"
        }
    }
}

struct Evaluations: Decodable, Sendable {
    var miParcours: Located<CalendarDate>?
    var finale: Located<CalendarDate>?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case miParcours = "mi_parcours"
        case finale
    }
}
