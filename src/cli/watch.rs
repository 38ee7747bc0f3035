//! `vanban watch`: renders, then renders again whatever changes, until Ctrl+C.

use std::path::{Path, PathBuf};

use super::render::render;
use crate::batch;
use crate::messages::{List, Message, Run};

pub(super) fn watch(paths: Vec<PathBuf>, out: &Path, templates: Option<&Path>) -> i32 {
    let inputs = if paths.is_empty() {
        vec![PathBuf::from("plans")]
    } else {
        paths
    };
    let roots = crate::watch::roots(&inputs, templates);
    let options = batch::Options::default();
    println!(
        "{}",
        Message::from(Run::Watching {
            roots: List::of(roots.iter().map(|r| r.display()))
        })
    );
    crate::watch::run(&roots, out, &inputs, || {
        render(&inputs, out, templates, options, None);
    })
}
