//! `vanban preview`: page images of records or of .docx files vanban wrote, the paths written
//! and which pages are landscape. Exit codes: 0 written, 1 bad input or a folder that cannot be
//! written, 2 LibreOffice or pdftoppm missing (nothing written).

use std::path::{Path, PathBuf};

use super::fail;
use crate::i18n::tr;
use crate::preview::{self, Preview, Settings};
use crate::template::Templates;

pub(super) fn preview(
    paths: &[PathBuf],
    out: &Path,
    templates: Option<&Path>,
    settings: Settings,
) -> i32 {
    let inputs = if paths.is_empty() {
        vec![PathBuf::from("plans")]
    } else {
        paths.to_vec()
    };
    let loaded = Templates::load(templates).and_then(|t| preview::load(&inputs, &t));
    let (documents, warnings) = match loaded {
        Ok(loaded) => loaded,
        Err(e) => return fail(&e),
    };
    for warning in &warnings {
        eprintln!("{warning}\n");
    }
    let tools = match preview::find_tools() {
        Ok(tools) => tools,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    match preview::run(&documents, &tools, out, settings) {
        Ok(previews) => {
            for preview in &previews {
                report(preview);
            }
            0
        }
        Err(e) => fail(&e),
    }
}

/// The images written, each landscape page marked, then one line on the document's pages.
fn report(preview: &Preview) {
    let landscape: Vec<u32> = preview
        .pages
        .iter()
        .filter(|p| p.landscape())
        .map(|p| p.number)
        .collect();
    for (index, image) in preview.images.iter().enumerate() {
        let one_page = preview.images.len() == preview.pages.len();
        let line = if one_page && preview.pages[index].landscape() {
            format!("wrote {} (landscape)", image.display())
        } else {
            format!("wrote {}", image.display())
        };
        println!("{}", tr(&line));
    }
    let name = preview.name.display();
    let count = preview.pages.len();
    let line = match (count, landscape.is_empty()) {
        (1, true) => format!("{name}: 1 page, portrait"),
        (1, false) => format!("{name}: 1 page, landscape"),
        (_, true) => format!("{name}: {count} pages, all portrait"),
        (_, false) => format!(
            "{name}: {count} pages, landscape: {}",
            preview::ranges(&landscape)
        ),
    };
    println!("{}", tr(&line));
}
