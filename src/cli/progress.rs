//! `vanban progress`: records a progress entry in a plan, in place.

use std::path::Path;

use super::fail;
use crate::error::Error;
use crate::messages::{self, Message, Run};
use crate::progress::{self, Target, Update};

/// Records `status` on `date` for `item` (a criterion code or number; a task number with
/// `task`; its `sub`-th sub-criterion with `sub`).
pub(super) fn progress(
    plan: &Path,
    item: String,
    task: bool,
    sub: Option<usize>,
    status: &str,
    date: &str,
    text: Option<String>,
) -> i32 {
    let target = if task {
        match item.parse() {
            Ok(n) => Target::Task(n),
            Err(_) => {
                return fail(
                    &Error::about(plan, Run::NotATaskNumber { text: item })
                        .help(Run::TasksNumbered),
                );
            }
        }
    } else {
        Target::Criterion { item, sub }
    };
    let Some(date) = progress::parse_date(date) else {
        let text = date.to_string();
        return fail(&Error::about(plan, Run::NotADate { text }).help(Run::WriteDate));
    };
    let update = Update {
        date,
        status: status.to_string(),
        text,
    };
    match progress::record(plan, &target, &update) {
        Ok(warnings) => {
            let label = Run::LabelWarning.text(messages::current());
            for warning in warnings {
                eprintln!("{label}: {}", Message::from(warning));
            }
            let recorded = Run::Recorded {
                status: update.status.clone(),
                date: update.date.to_string(),
                path: plan.to_path_buf(),
            };
            println!("{}", Message::from(recorded));
            0
        }
        Err(e) => fail(&e),
    }
}
