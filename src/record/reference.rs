//! The records a record names (`ke_hoach`, `kem_theo`): only by a relative path to a `.toml`
//! file inside the folder tree being rendered, once symbolic links are followed. A record
//! shared by mistake can therefore neither read `/etc/passwd` nor print a line of it in an
//! error.

use std::path::{Component, Path, PathBuf};

use toml::Spanned;

use super::Loaded;
use crate::error::Error;
use crate::messages::{Check, Message};

/// Which record a record names, for messages about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Named {
    /// The plan of a report (`ke_hoach`).
    Plan,
    /// The document a Công văn sends (`kem_theo`).
    Document,
}

impl Named {
    /// "plan", "document" in a message.
    fn noun(self) -> Box<Message> {
        Box::new(match self {
            Named::Plan => Check::PlanNoun.into(),
            Named::Document => Check::DocumentNoun.into(),
        })
    }
}

/// Resolves a record that `from` names (`what`: its plan or the document it sends), relative to `from`'s
/// folder. The reference must be a relative path to an existing regular `.toml` file and,
/// when `root` is given, lie inside it once symbolic links are followed.
pub(crate) fn reference(
    from: &Loaded,
    reference: &Spanned<String>,
    what: Named,
    root: Option<&Path>,
) -> Result<PathBuf, Error> {
    let written = Path::new(reference.get_ref());
    let refuse = |message: Check, help: Check| from.error_at(reference.span(), message, help);
    let shown = written.to_path_buf();
    if written
        .components()
        .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err(refuse(
            Check::ReferenceAbsolute {
                what: what.noun(),
                path: shown,
            },
            Check::ReferencePathHelp { what: what.noun() },
        ));
    }
    if written.extension().is_none_or(|e| e != "toml") {
        return Err(refuse(
            Check::ReferenceNotToml {
                what: what.noun(),
                path: shown,
            },
            Check::NameTomlRecord { what: what.noun() },
        ));
    }
    let folder = from.path.parent().unwrap_or(Path::new("."));
    let path = folder.join(written);
    let Ok(resolved) = path.canonicalize() else {
        return Err(refuse(
            Check::ReferenceMissing {
                what: what.noun(),
                path,
            },
            Check::ReferencePathHelp { what: what.noun() },
        ));
    };
    if let Some(root) = root {
        let inside = root
            .canonicalize()
            .is_ok_and(|root| resolved.starts_with(root));
        if !inside {
            return Err(refuse(
                Check::ReferenceOutside {
                    what: what.noun(),
                    path: shown,
                    root: root.to_path_buf(),
                },
                Check::MoveReference { what: what.noun() },
            ));
        }
    }
    if !resolved.is_file() {
        return Err(refuse(
            Check::ReferenceNotRegular {
                what: what.noun(),
                path: shown,
            },
            Check::NameTomlRecord { what: what.noun() },
        ));
    }
    Ok(path)
}
