//! `vanban changes`: the items whose progress moved between two dates.

use std::path::Path;

use super::fail;
use crate::derive;
use crate::error::Error;
use crate::messages::{Message, Run};
use crate::record;

pub(super) fn changes(plan: &Path, from: record::DocDate, to: record::DocDate) -> i32 {
    let key = |d: record::DocDate| (d.year, d.month, d.day);
    if key(from) > key(to) {
        return fail(&Error::about(Path::new("--from"), Run::FromAfterTo).help(Run::EarlierFirst));
    }
    match record::load(plan) {
        Ok(loaded) => {
            let changes = derive::report::changes(&loaded.record, from, to);
            for c in &changes {
                let before = if c.truoc.is_empty() { "—" } else { &c.truoc };
                println!("{}\t{}\t{before} → {}", c.stt, c.ten, c.sau);
            }
            let count = changes.len();
            println!("{}", Message::from(Run::Changed { count }));
            0
        }
        Err(e) => fail(&e),
    }
}
