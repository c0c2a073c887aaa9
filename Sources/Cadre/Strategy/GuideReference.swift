import Foundation

/// What the strategy rules take from the guide's shared data: the organisation models, the
/// engagement levels, the 1 % schemes and the FICOL terms. Read from `Content/data/` so that
/// a change of the guide's figures changes the rules too. Extra keys in those files are allowed
/// (they feed the guide's tables); the keys below are required.
struct GuideReference: Sendable {
    var models: [OrganisationModel] = []
    var engagementLevels: [Named] = []
    var onePercent: [OnePercentScheme] = []
    var ficol: FicolTerms?
    /// What the guide says of each national and European scheme, for the passages a funding plan calls for.
    var schemes: FundingSchemes?
    /// The France urbaine / CNFPT-INET survey's figures (seed 003), for the « repères » box.
    var survey: Survey?
    /// What changes with the échelon (`typologie_strategies.yml`, `echelons`), by id.
    var echelons: [Echelon] = []

    /// One échelon of the guide's typology: its strengths, the schemes open to it, its usual organisation.
    struct Echelon: Decodable, Sendable {
        var id: String
        var nom: String
        var atouts: String
        var dispositifs: String
        var organisation: String
    }
    struct TypologyFile: Decodable { var echelons: [Echelon] }

    struct OrganisationModel: Decodable, Sendable {
        var id: String
        var nom: String
        var avantages: [String]
        var contraintes: [String]
    }

    struct Named: Decodable, Sendable {
        var id: String
        var nom: String
    }

    struct OnePercentScheme: Decodable, Sendable {
        var domaine: String
        var nom: String
        var collectivitesEligibles: [CollectiviteFamily]
        /// The law that opened the scheme, as the guide's data names it (a délibération's visa).
        var loi: String?

        enum CodingKeys: String, CodingKey {
            case domaine, nom, loi
            case collectivitesEligibles = "collectivites_eligibles"
        }
    }

    struct FicolTerms: Decodable, Sendable {
        var montantMin: Int
        var montantMax: Int
        var montantMinTexte: String
        var montantMaxTexte: String
        var partCollectivitesMin: Double
        var dureeMaxAns: Double
        var description: String?
        var periodiciteAppel: String?

        enum CodingKeys: String, CodingKey {
            case montantMin = "montant_min"
            case montantMax = "montant_max"
            case montantMinTexte = "montant_min_texte"
            case montantMaxTexte = "montant_max_texte"
            case partCollectivitesMin = "part_collectivites_min"
            case dureeMaxAns = "duree_max_ans"
            case description
            case periodiciteAppel = "periodicite_appel"
        }
    }

    /// The guide's words on the DAECT calls and the European programmes (`financements.yml`).
    struct FundingSchemes: Decodable, Sendable {
        struct Call: Decodable, Sendable { var nom: String; var objet: String }
        struct DAECT: Decodable, Sendable { var description: String; var appels: [Call] }
        struct EUShare: Decodable, Sendable {
            var tauxElevePourcent: Int
            var reussiteMinPourcent: Int
            var reussiteMaxPourcent: Int
            enum CodingKeys: String, CodingKey {
                case tauxElevePourcent = "taux_eleve_pourcent"
                case reussiteMinPourcent = "reussite_min_pourcent"
                case reussiteMaxPourcent = "reussite_max_pourcent"
            }
        }
        struct EUProgrammes: Decodable, Sendable {
            var intraEuropeens: [Call]
            var paysTiers: [Call]
            enum CodingKeys: String, CodingKey {
                case intraEuropeens = "intra_europeens"
                case paysTiers = "pays_tiers"
            }
        }
        var daect: DAECT
        var cofinancementUE: EUShare
        var programmesUE: EUProgrammes
        enum CodingKeys: String, CodingKey {
            case daect
            case cofinancementUE = "cofinancement_ue"
            case programmesUE = "programmes_ue"
        }
    }

    /// The survey figures the « repères » box compares a plan with (`chiffres_enquete.yml`).
    struct Survey: Decodable, Sendable {
        struct Scope: Decodable, Sendable {
            var annee: Int
            var repondants: Int
            /// Below this population, a commune or intercommunalité is not compared with the survey's big cities.
            var populationComparableMin: Int
            enum CodingKeys: String, CodingKey {
                case annee, repondants
                case populationComparableMin = "population_comparable_min"
            }
        }
        struct Budget: Decodable, Sendable {
            var courantMin: Int
            var courantMax: Int
            var medianAnnuel: Int
            enum CodingKeys: String, CodingKey {
                case courantMin = "courant_min"
                case courantMax = "courant_max"
                case medianAnnuel = "median_annuel"
            }
        }
        struct Staff: Decodable, Sendable {
            var moyennePersonnes: Int
            var minimumPersonnes: Int
            var maximumPersonnes: Int
            enum CodingKeys: String, CodingKey {
                case moyennePersonnes = "moyenne_personnes"
                case minimumPersonnes = "minimum_personnes"
                case maximumPersonnes = "maximum_personnes"
            }
        }
        struct Placement: Decodable, Sendable {
            var directionGeneraleAdjointePourcent: Int
            var dgsOuCabinetPourcent: Int
            enum CodingKeys: String, CodingKey {
                case directionGeneraleAdjointePourcent = "direction_generale_adjointe_pourcent"
                case dgsOuCabinetPourcent = "dgs_ou_cabinet_pourcent"
            }
        }
        struct Source: Decodable, Sendable { var id: String; var titre: String; var auteurs: String; var annee: Int }
        var sources: [Source]
        var enquete: Scope
        var budget: Budget
        var effectifs: Staff
        var rattachement: Placement
    }

    /// The parts of three data files the rules need.
    struct RattachementsFile: Decodable { var modeles: [OrganisationModel] }
    struct StakeholderCriteriaFile: Decodable {
        var niveauxEngagement: [Named]
        enum CodingKeys: String, CodingKey { case niveauxEngagement = "niveaux_engagement" }
    }
    struct FundingFile: Decodable {
        var dispositif1Pourcent: [OnePercentScheme]
        var ficol: FicolTerms
        enum CodingKeys: String, CodingKey {
            case dispositif1Pourcent = "dispositif_1_pourcent"
            case ficol
        }
    }

    /// Decodes the three data files of `Content/data/`, read with the project (parsed again
    /// here, once per batch: a parsed tree is not `Sendable`); a missing file or key is an error.
    static func load(project: Project, into sink: DiagnosticSink) -> GuideReference {
        load(data: project.data, root: project.root, into: sink)
    }

    /// The same from the shared data alone, read from the project at `root`.
    static func load(data: SharedData, root: URL, into sink: DiagnosticSink) -> GuideReference {
        var reference = GuideReference()
        func decode<T: Decodable>(_ type: T.Type, _ name: String) -> T? {
            guard let source = data.sources[name] else {
                let url = root.appendingPathComponent("Content/data/\(name).yml")
                let path = FileLister.relativePath(of: url, to: root)
                // A file that exists but did not parse has already been reported.
                if !FileManager.default.fileExists(atPath: url.path) {
                    sink.report(SourceLocation(file: path, line: 1).error("fichier de données introuvable : les documents de stratégie en ont besoin", hint: "créez \(path) (voir Docs/conventions-contenu.md)"))
                }
                return nil
            }
            return YAMLDecoding.decode(type, from: source, into: sink)
        }
        reference.models = decode(RattachementsFile.self, "rattachements")?.modeles ?? []
        reference.engagementLevels = decode(StakeholderCriteriaFile.self, "criteres_parties_prenantes")?.niveauxEngagement ?? []
        let funding = decode(FundingFile.self, "financements")
        reference.onePercent = funding?.dispositif1Pourcent ?? []
        reference.ficol = funding?.ficol
        reference.schemes = decode(FundingSchemes.self, "financements")
        reference.survey = decode(Survey.self, "chiffres_enquete")
        reference.echelons = decode(TypologyFile.self, "typologie_strategies")?.echelons ?? []
        return reference
    }

    func model(_ id: String) -> OrganisationModel? { models.first { $0.id == id } }
    func scheme(_ domain: String) -> OnePercentScheme? { onePercent.first { $0.domaine == domain } }
}
