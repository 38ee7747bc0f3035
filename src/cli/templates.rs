//! `vanban templates`: writes the built-in templates into a folder for editing.

use std::path::Path;

use super::fail;
use crate::messages::{Message, Run};
use crate::template;

pub(super) fn templates(folder: &Path) -> i32 {
    match template::export(folder) {
        Ok(written) => {
            for path in &written {
                println!("{}", Message::from(Run::Wrote { path: path.clone() }));
            }
            if written.is_empty() {
                let folder = folder.to_path_buf();
                println!("{}", Message::from(Run::AllTemplatesExist { folder }));
            }
            0
        }
        Err(e) => fail(&e),
    }
}
