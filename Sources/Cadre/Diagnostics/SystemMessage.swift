import Foundation

/// The system's error messages (`strerror`, in English) said in French, with what to do.
public enum SystemMessage {
    /// The French sentence for an `errno` value.
    public static func french(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission refusée (vérifiez les droits sur ce dossier)"
        case ENOENT: return "fichier ou dossier introuvable"
        case ENOTEMPTY: return "dossier non vide (une autre exécution de cadre l'a peut-être modifié : relancez)"
        case EEXIST: return "un fichier ou un dossier de ce nom existe déjà"
        case ENOSPC: return "plus de place sur le disque"
        case EROFS: return "système de fichiers en lecture seule"
        case ENOTDIR: return "un fichier porte le nom d'un dossier attendu"
        case EISDIR: return "un dossier porte le nom d'un fichier attendu"
        case EXDEV: return "dossier sur un autre disque"
        case ENAMETOOLONG: return "nom trop long"
        case EMFILE, ENFILE: return "trop de fichiers ouverts"
        case EIO: return "erreur d'entrée-sortie du disque"
        case ELOOP: return "trop de liens symboliques"
        default: return "erreur système \(code) (\(String(cString: strerror(code))))"
        }
    }

    /// A Foundation error said in French: its system error when it has one.
    public static func french(_ error: Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSPOSIXErrorDomain { return french(Int32(nsError.code)) }
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return french(Int32(underlying.code))
        }
        if nsError.domain == NSCocoaErrorDomain {
            switch CocoaError.Code(rawValue: nsError.code) {
            case .fileWriteNoPermission, .fileReadNoPermission: return french(EACCES)
            case .fileNoSuchFile, .fileReadNoSuchFile: return french(ENOENT)
            case .fileWriteOutOfSpace: return french(ENOSPC)
            case .fileWriteVolumeReadOnly: return french(EROFS)
            case .fileWriteFileExists: return french(EEXIST)
            default: break
            }
        }
        if let described = error as? LocalizedError, let text = described.errorDescription { return text }
        return "erreur inattendue (\(type(of: error)))"
    }
}
