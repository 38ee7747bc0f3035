//! Command-line interface: one function per command; exit codes 0 (all good), 1 (some record
//! failed), 2 (wrong usage, from clap).

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::output;
use crate::template::{self, Templates};

#[derive(Debug, Parser)]
#[command(
    name = "vanban",
    version,
    about = "Văn bản theo Nghị định 30/2020/NĐ-CP từ bản ghi TOML"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Render records (files or folders, default plans/) into .docx files.
    Render {
        /// Records or folders of records.
        paths: Vec<PathBuf>,
        /// Output folder; folder structure below the inputs is mirrored.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Folder whose templates replace the built-in ones of the same name.
        #[arg(long)]
        templates: Option<PathBuf>,
    },
    /// Write the built-in templates into a folder for editing (existing files are kept).
    Templates {
        #[arg(default_value = "templates")]
        folder: PathBuf,
    },
}

/// Runs the command line and returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    match cli.command {
        Command::Render {
            paths,
            out,
            templates,
        } => render(&paths, &out, templates.as_deref()),
        Command::Templates { folder } => export_templates(&folder),
    }
}

fn render(paths: &[PathBuf], out: &Path, templates: Option<&Path>) -> i32 {
    let inputs = if paths.is_empty() {
        vec![PathBuf::from("plans")]
    } else {
        paths.to_vec()
    };
    let templates = match Templates::load(templates) {
        Ok(t) => t,
        Err(e) => return fail(&e),
    };
    let jobs = match output::discover(&inputs) {
        Ok(jobs) => jobs,
        Err(e) => return fail(&e),
    };
    let (mut written, mut failed) = (0, 0);
    for job in &jobs {
        match render_job(job, out, &templates) {
            Ok(targets) => {
                written += 1;
                for target in targets {
                    println!("wrote {}", target.display());
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("{e}\n");
            }
        }
    }
    println!("{written} written, {failed} failed");
    i32::from(failed > 0)
}

/// Renders one record and writes its files; nothing is written unless every file rendered.
fn render_job(job: &output::Job, out: &Path, templates: &Templates) -> Result<Vec<PathBuf>, Error> {
    let rendered = crate::render(&job.record, templates)?;
    for warning in &rendered.warnings {
        eprintln!("{warning}\n");
    }
    let mut targets = Vec::new();
    for file in &rendered.files {
        let relative = output::with_suffix(&job.relative, &file.suffix);
        targets.push((output::output_path(out, &relative)?, &file.bytes));
    }
    for (target, bytes) in &targets {
        output::write_atomic(target, bytes)?;
    }
    Ok(targets.into_iter().map(|(t, _)| t).collect())
}

fn export_templates(folder: &Path) -> i32 {
    match template::export(folder) {
        Ok(written) => {
            for path in &written {
                println!("wrote {}", path.display());
            }
            if written.is_empty() {
                println!("all templates already exist in {}", folder.display());
            }
            0
        }
        Err(e) => fail(&e),
    }
}

fn fail(e: &Error) -> i32 {
    eprintln!("{e}");
    1
}
