//! `vanban new`: a complete, commented record to start from.

use std::path::Path;

use super::fail;
use crate::messages::{Message, Run};

pub(super) fn new(kind: &str, path: &Path) -> i32 {
    match crate::scaffold::write(kind, path) {
        Ok(()) => {
            let path = path.to_path_buf();
            println!("{}", Message::from(Run::WroteScaffold { path }));
            0
        }
        Err(e) => fail(&e),
    }
}
